;; Waveform peaks kernel: the min and max of a run of 16-bit little-endian samples, eight at a time
;; with WebAssembly SIMD. PCM from ffmpeg is read straight into this module's memory (the socket's
;; read buffer is a view of it), so the samples are never copied. Assembled into peakKernelBytes.ts
;; by `node scripts/peak-kernel.mjs`; test/unit/media/peakKernel.test.ts checks the two agree.
(module
  ;; 4 pages = 256 KiB: the read buffer. Fixed size: growing would detach the views of it.
  (memory (export "memory") 4 4)

  ;; range(byteOffset, count): min and max of `count` samples from `byteOffset` (any alignment),
  ;; packed as (max << 16) | (min & 0xffff). An empty run gives min 32767, max -32768.
  (func (export "range") (param $at i32) (param $count i32) (result i32)
    (local $end i32) (local $lows v128) (local $highs v128) (local $low i32) (local $high i32)
    (local $value i32) (local $vector v128)
    (local.set $end (i32.add (local.get $at) (i32.shl (local.get $count) (i32.const 1))))
    (local.set $lows (i16x8.splat (i32.const 32767)))
    (local.set $highs (i16x8.splat (i32.const -32768)))
    ;; Eight samples per step while eight are left.
    (block $vectorsDone
      (loop $vectors
        (br_if $vectorsDone (i32.gt_u (i32.add (local.get $at) (i32.const 16)) (local.get $end)))
        (local.set $vector (v128.load align=1 (local.get $at)))
        (local.set $lows (i16x8.min_s (local.get $lows) (local.get $vector)))
        (local.set $highs (i16x8.max_s (local.get $highs) (local.get $vector)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $vectors)))
    ;; Fold the eight lanes into lane 0: halves, then quarters, then neighbours.
    (local.set $lows (i16x8.min_s (local.get $lows)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $lows) (local.get $lows))))
    (local.set $lows (i16x8.min_s (local.get $lows)
      (i8x16.shuffle 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 (local.get $lows) (local.get $lows))))
    (local.set $lows (i16x8.min_s (local.get $lows)
      (i8x16.shuffle 2 3 0 1 2 3 0 1 2 3 0 1 2 3 0 1 (local.get $lows) (local.get $lows))))
    (local.set $highs (i16x8.max_s (local.get $highs)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $highs) (local.get $highs))))
    (local.set $highs (i16x8.max_s (local.get $highs)
      (i8x16.shuffle 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 (local.get $highs) (local.get $highs))))
    (local.set $highs (i16x8.max_s (local.get $highs)
      (i8x16.shuffle 2 3 0 1 2 3 0 1 2 3 0 1 2 3 0 1 (local.get $highs) (local.get $highs))))
    (local.set $low (i16x8.extract_lane_s 0 (local.get $lows)))
    (local.set $high (i16x8.extract_lane_s 0 (local.get $highs)))
    ;; The last samples (fewer than eight) one at a time.
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $value (i32.load16_s align=1 (local.get $at)))
        (local.set $low
          (select (local.get $value) (local.get $low) (i32.lt_s (local.get $value) (local.get $low))))
        (local.set $high
          (select (local.get $value) (local.get $high) (i32.gt_s (local.get $value) (local.get $high))))
        (local.set $at (i32.add (local.get $at) (i32.const 2)))
        (br $tail)))
    (i32.or
      (i32.and (local.get $low) (i32.const 65535))
      (i32.shl (local.get $high) (i32.const 16)))))
