// Two glibc calls (2.34 and later) that Swift's Glibc module leaves out because they sit behind
// _GNU_SOURCE: a pipe created close-on-exec in one step, and a spawn action that closes every
// descriptor from a number on, so a child inherits only what it is given.
#include <spawn.h>
#include <fcntl.h>
int pipe2(int pipefd[2], int flags);
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
