#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The error contract of lib/ (lib/err.h, DESIGN.md): lib never prints and
# never exits; the tool prints once. This test reads the source of every
# lib/*.c (and, for what a header could do inline, lib/*.h) with comments
# and the contents of string and character literals taken out, and fails
# on each line that breaks one of these rules:
#
#   printers  a call of lib/err.h's message functions (nsk_err, nsk_warn,
#             nsk_usage_err, nsk_option_error, nsk_exec_error,
#             nsk_err_failure, nsk_print_version). Allowed in err.c (the
#             message module the tools call) and in the opts module,
#             opts.c, opts-caps.c, opts-seccomp.c and opts-output.c (the option loop, whose usage errors
#             and -V are the tool's first and only line). Not checked in
#             headers, where err.h declares them.
#   stderr    stderr or STDERR_FILENO, a write(2, ...), perror, and the
#             err(3)/error(3) families (which print, and some exit).
#             Allowed in err.c and the opts module only: output.c and
#             target.c included, which write to stdout alone.
#   stdout    stdout or STDOUT_FILENO, a write(1, ...), printf, puts,
#             putchar, vprintf, dprintf. Allowed in output.c (tables and
#             --json), target.c (the handle a tool passes on) and err.c
#             (the -V line), by design.
#   exit      exit, _Exit, quick_exit: allowed nowhere. _exit stays allowed:
#             a forked child of lib (the helper) ends with it.
#
# It first runs the same checks on a few lines of its own, known good and
# known bad, so that a check that stopped matching cannot pass unseen.
# Exit status: 0 pass, 1 a rule broken, 99 the check itself failed.
set -u

srcdir=${NSKIT_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
libdir=$srcdir/lib
[ -f "$libdir/err.c" ] || { echo "lib-contract: no $libdir/err.c" >&2; exit 99; }

# strip FILE...: "FILE:LINE: CODE" for every line, CODE without comments
# and with "" and '' for string and character literals.
strip() {
	awk '
	FNR == 1 { state = "" }
	{
		out = ""; line = $0; n = length(line); i = 1
		while (i <= n) {
			c = substr(line, i, 1); c2 = substr(line, i, 2)
			if (state == "comment") {
				if (c2 == "*/") { state = ""; out = out " "; i += 2 } else i++
				continue
			}
			if (state == "\"" || state == "'\''") {
				if (c == "\\") { i += 2; continue }
				if (c == state) { out = out c; state = "" }
				i++
				continue
			}
			if (c2 == "/*") { state = "comment"; i += 2; continue }
			if (c2 == "//") break
			if (c == "\"" || c == "'\''") state = c
			out = out c
			i++
		}
		if (state != "comment")
			state = ""	# a literal ends with its line
		print FILENAME ":" FNR ": " out
	}' "$@"
}

B='(^|[^[:alnum:]_])'	# a word starts here
PRINTERS="${B}nsk_(err|warn|usage_err|option_error|exec_error|err_failure|print_version)[[:space:]]*\\("
STDERR="${B}(stderr|STDERR_FILENO)([^[:alnum:]_]|\$)|${B}write[[:space:]]*\\([[:space:]]*2[[:space:]]*,|${B}(perror|err|errx|verr|verrx|warn|warnx|vwarn|vwarnx|error|error_at_line)[[:space:]]*\\("
STDOUT="${B}(stdout|STDOUT_FILENO)([^[:alnum:]_]|\$)|${B}write[[:space:]]*\\([[:space:]]*1[[:space:]]*,|${B}(printf|puts|putchar|vprintf|dprintf)[[:space:]]*\\("
EXIT="${B}(exit|_Exit|quick_exit)[[:space:]]*\\("

# check DIR: one line per broken rule, "FILE:LINE: RULE: CODE".
check() {
	_dir=$1
	# the rule's name, the pattern, the files allowed (basenames, a regex)
	while read -r _rule _allowed; do
		case $_rule in
		printers) _pat=$PRINTERS ;;
		stderr) _pat=$STDERR ;;
		stdout) _pat=$STDOUT ;;
		exit) _pat=$EXIT ;;
		esac
		for _f in "$_dir"/*.c "$_dir"/*.h; do
			[ -f "$_f" ] || continue
			_base=${_f##*/}
			echo "$_base" | grep -Eqx "$_allowed" && continue
			[ "$_rule" = printers ] && [ "${_f%.h}" != "$_f" ] && continue
			strip "$_f" | grep -E "^[^:]*:[0-9]+: .*($_pat)" |
				sed "s|^\\([^:]*:[0-9]*\\): |\\1: $_rule: |"
		done
	done <<EOF
printers err\\.c|opts\\.c|opts-caps\\.c|opts-seccomp\\.c|opts-output\\.c
stderr err\\.c|opts\\.c|opts-caps\\.c|opts-seccomp\\.c|opts-output\\.c
stdout err\\.c|output\\.c|target\\.c
exit -
EOF
}

# ---- the check checks itself ----
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/bad.c" <<'EOF'
void a(void) { nsk_err("x"); }
void b(void) { nsk_warn ("x"); }
int c(void) { return nsk_usage_err("x"); }
void d(void) { nsk_err_failure(&f, r); }
void e(void) { fprintf(stderr, "x"); }
void f(void) { perror("x"); }
void g(void) { err(1, "x"); }
void h(void) { warn("x"); }
void i(void) { exit(1); }
void j(void) { printf("x"); }
void k(void) { write(2, "x", 1); }
void l(void) { fputs("x", stdout); }
void m(void) { dprintf(STDERR_FILENO, "x"); }
void n(void) { _Exit(1); }
EOF
cat >"$tmp/good.c" <<'EOF'
/* nsk_err("x"); exit(1); fprintf(stderr, "x"); printf("x");
 * perror("x"); warn("x") */
// exit(1);
static const char *s = "exit(1); nsk_warn(\"x\"); stderr";
static const char q = '"';
int a(int err) { char b[8]; snprintf(b, 8, "x"); return nsk_strerror(err) ? err : 0; }
void c(void) { _exit(1); }
int d(struct nsk_failure *f) { return nsk_fail(f, -EIO, "x", NULL); }
int e(int stderr_fd) { return write(stderr_fd, "x", 1) + my_exit(2); }
EOF
cp "$tmp/good.c" "$tmp/output.c"
printf 'void t(void) { fprintf(stderr, "x"); }\nvoid u(void) { printf("x"); }\n' >"$tmp/target.c"
printf 'void o(void) { nsk_usage_err("x"); exit(2); }\n' >"$tmp/opts.c"
check "$tmp" >"$tmp/found"
expect="bad.c:1: printers
bad.c:2: printers
bad.c:3: printers
bad.c:4: printers
bad.c:5: stderr
bad.c:6: stderr
bad.c:7: stderr
bad.c:8: stderr
bad.c:9: exit
bad.c:10: stdout
bad.c:11: stderr
bad.c:12: stdout
bad.c:13: stderr
bad.c:13: stdout
bad.c:14: exit
opts.c:1: exit
target.c:1: stderr"
found=$(sed "s|^$tmp/||; s|^\\([^:]*:[0-9]*: [a-z]*\\):.*|\\1|" "$tmp/found" | sort -t: -k1,1 -k2,2n -k3)
if [ "$found" != "$expect" ]; then
	echo "lib-contract: the check does not find what it should. Expected:" >&2
	echo "$expect" >&2
	echo "Found:" >&2
	cat "$tmp/found" >&2
	exit 99
fi

# ---- lib/ ----
check "$libdir" >"$tmp/found"
if [ -s "$tmp/found" ]; then
	echo "lib-contract: lib/ prints or exits where only the tools may (see lib/err.h):" >&2
	sed "s|^$srcdir/||" "$tmp/found" >&2
	exit 1
fi
echo "lib-contract: $(ls "$libdir"/*.c | wc -l) lib/*.c keep the contract"
exit 0
