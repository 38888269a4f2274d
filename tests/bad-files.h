/* One catalogue of bad data files, used twice: against the library's
 * reader (test-data.c) and against every program that reads a file
 * (test-catalogue.c).  Each expected text names the file and, where there
 * is one, the line, so it holds at both levels. */
#ifndef BAD_FILES_H
#define BAD_FILES_H
#include <stddef.h>
#include <stdio.h>

struct bad_file {
    const char *name, *bytes;
    size_t length;
    const char *expected;
};

static const struct bad_file bad_files[] = {
    {"empty.csv", "", 0, "empty.csv: no data: the file is empty"},
    {"comments.csv", "# only\n\n", 8, "comments.csv: no data"},
    {"header.csv", "x,y\n", 4, "header.csv: a header but no data rows"},
    {"ragged.csv", "x,y\n1,2\n3\n", 10, "ragged.csv:3: 1 fields, but the first row has 2"},
    {"ragged-wide.csv", "1,2\n3,4,5\n", 10, "ragged-wide.csv:2: 3 fields"},
    {"word.csv", "1,2\n3,four\n", 11, "word.csv:2: column 2: \"four\" is not a finite number"},
    {"nan.csv", "1,2\nnan,3\n", 10, "nan.csv:2: column 1: \"nan\" is not a finite number"},
    {"inf.tsv", "1\t2\n3\tinf\n", 10, "inf.tsv:2: column 2: \"inf\" is not a finite number"},
    {"minus-inf.csv", "1,2\n-inf,4\n", 11, "minus-inf.csv:2: column 1: \"-inf\" is not a finite"},
    {"huge.csv", "1,1e999\n", 8, "huge.csv:1: column 2: \"1e999\" is not a finite number"},
    {"blank.csv", "1,2\n3,\n", 7, "blank.csv:2: column 2: the cell is empty"},
    {"quote.csv", "1,\"2\n", 5, "quote.csv:1: field 2: a quote is not closed"},
    {"binary.dat", "1,2\n\x00\x01\x02garbage\n", 15, "binary.dat:2: binary data"},
    {"cr-only.csv", "x,y\r1,3\r2,5\r", 12,
     "cr-only.csv:1: a carriage return (CR) inside a line: lines that end in CR alone"},
    {"garbage.bin", "\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10, "garbage.bin:1: binary data"},
};

enum { BAD_FILES = sizeof bad_files / sizeof bad_files[0] };

/* Write bad file i into dir; its path goes to path. */
static inline void write_bad_file(const char *dir, size_t i, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", dir, bad_files[i].name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bad_files[i].bytes, 1, bad_files[i].length, f),
                     bad_files[i].length);
    fclose(f);
}
#endif
