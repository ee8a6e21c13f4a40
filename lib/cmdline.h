/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Command lines of the form `TOOL [OPTION|OPERAND]... [-- COMMAND [ARG]...]`
 * where options may follow operands (`mkprop --show / --json`) but never
 * reach into the command: getopt_long permutes, and is stopped at "--". */
#pragma once

/* The index of the first "--" in argv[1..argc-1], or argc if there is
 * none. Parse options with getopt_long(that index, argv, ...); the
 * operands are then argv[optind..index-1], the command argv[index+1..]. */
int cmdline_split(int argc, char **argv);
