/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command the fault tests give the tools: one system call, exit(0).
 * Built static without libc (tests/faults/lib-faults.sh), so that its
 * execve is the last thing the tool does and no system call after it can
 * be mistaken for the tool's own work. */
void _start(void)
{
#if defined(__x86_64__)
	__asm__ volatile("mov $60, %%eax\n\t"	/* SYS_exit */
			 "xor %%edi, %%edi\n\t"
			 "syscall" : : : "rax", "rdi", "memory");
#elif defined(__aarch64__)
	__asm__ volatile("mov x8, #93\n\t"	/* SYS_exit */
			 "mov x0, #0\n\t"
			 "svc #0" : : : "x0", "x8", "memory");
#else
#error "exit0.c: add this architecture's exit system call"
#endif
	for (;;)
		;
}
