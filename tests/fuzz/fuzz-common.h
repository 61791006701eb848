/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-common.h: what the fuzz harnesses share with their replay driver */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* Every harness defines this (libFuzzer's entry point); fuzz-replay.c calls it on files. */
int  LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Fixed clock, time zone and locale, and warnings or criticals abort: a g_return_if_fail()
 * reached from input is a bug the fuzzer must report. Idempotent. */
void fuzz_setup             (void);

G_END_DECLS
