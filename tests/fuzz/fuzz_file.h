/* The loaders read files; a memfd gives a fuzz input a path without
 * touching the disk. Shared by the fuzz targets that feed a loader. */
#ifndef AFSPRAKEN_FUZZ_FILE_H
#define AFSPRAKEN_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* Returns the fd (the caller closes it) with its path in path, or -1. */
static int fuzz_file(const uint8_t *data, size_t size, char *path, size_t len)
{
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return -1;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return -1;
    }
    snprintf(path, len, "/proc/self/fd/%d", fd);
    return fd;
}

#endif
