// args_env: prints argc, every argument and every environment variable, one per line, then
// exits with the status given as `exit N` (through proc_exit), or 0.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    for (char **e = environ; *e; e++) printf("env %s\n", *e);
    const char *home = getenv("HOME");
    printf("HOME=%s\n", home ? home : "(unset)");
    fflush(stdout);
    if (argc == 3 && strcmp(argv[1], "exit") == 0) exit(atoi(argv[2]));
    return 0;
}
