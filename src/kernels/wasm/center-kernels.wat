;; WASM SIMD kernels behind the onnx backend's centerAssigner (center-assigner.ts): the irregular,
;; label-dependent loops of k-means over the centered rows x' = x - s that the assigner keeps in this
;; module's memory (rows of `stride` bytes, d4 = ceil(d / 4) four-float vectors read per row).
;; Every pointer is a byte offset into the memory. Reads of a row's padding lanes (past d) meet
;; finite values (the augmented 1, the next row, or the zeroed slack after the last row); the
;; kernels multiply them by zero-padded centers or keep them in padding slots nobody reads.
;; The memory is shared: a kernel worker runs the second half of the rows (center-threads.ts).
;; batchStep is mini-batch k-means' step over the same rows (wasm/batch-rows.ts; reference: the
;; copy-out path of ../batch-assigner.ts).
;; Plain-TS references: ../center-assigner.ts (sums), ../center-moves.ts (moved rows),
;; ../center-inertia.ts (inertia), ../center-seeding.ts (trials, accept), ../onnx/center-assigner.ts
;; (centering).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Dots of rows i and i2 with four centers. For each row: D = max(0, nx + nc - 2 x'.c) (float32,
  ;; stored as four floats at D + i * dstride), and pots[c] += min(w_i * D_c, closest_i) in float64,
  ;; added in row order. cand: four centers of d4 vectors each, zero-padded; cnorm: their four norms.
  (func (export "trial4")
    (param $xa i32) (param $stride i32) (param $d4 i32) (param $n i32) (param $norms i32)
    (param $cand i32) (param $cnorm i32) (param $w i32) (param $closest i32)
    (param $D i32) (param $dstride i32) (param $pots i32)
    (local $i i32) (local $i2 i32) (local $x0p i32) (local $x1p i32) (local $cp i32) (local $cend i32) (local $cs i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $x0 v128) (local $x1 v128) (local $c v128) (local $nc v128)
    (local $P01 v128) (local $P23 v128)
    (local.set $nc (v128.load (local.get $cnorm)))
    (local.set $cs (i32.shl (local.get $d4) (i32.const 4)))
    (local.set $P01 (v128.load (local.get $pots)))
    (local.set $P23 (v128.load offset=16 (local.get $pots)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i2 (select (i32.add (local.get $i) (i32.const 1)) (local.get $i)
          (i32.lt_u (i32.add (local.get $i) (i32.const 1)) (local.get $n))))
        (local.set $x0p (i32.add (local.get $xa) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $x1p (i32.add (local.get $xa) (i32.mul (local.get $i2) (local.get $stride))))
        (local.set $cp (local.get $cand))
        (local.set $cend (i32.add (local.get $cand) (local.get $cs)))
        (local.set $a0 (v128.const i64x2 0 0)) (local.set $a1 (v128.const i64x2 0 0))
        (local.set $a2 (v128.const i64x2 0 0)) (local.set $a3 (v128.const i64x2 0 0))
        (local.set $b0 (v128.const i64x2 0 0)) (local.set $b1 (v128.const i64x2 0 0))
        (local.set $b2 (v128.const i64x2 0 0)) (local.set $b3 (v128.const i64x2 0 0))
        (loop $cols
          (local.set $x0 (v128.load (local.get $x0p)))
          (local.set $x1 (v128.load (local.get $x1p)))
          (local.set $c (v128.load (local.get $cp)))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $x0) (local.get $c))))
          (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $x1) (local.get $c))))
          (local.set $c (v128.load (i32.add (local.get $cp) (local.get $cs))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $x0) (local.get $c))))
          (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $x1) (local.get $c))))
          (local.set $c (v128.load (i32.add (local.get $cp) (i32.shl (local.get $cs) (i32.const 1)))))
          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $x0) (local.get $c))))
          (local.set $b2 (f32x4.add (local.get $b2) (f32x4.mul (local.get $x1) (local.get $c))))
          (local.set $c (v128.load (i32.add (local.get $cp) (i32.mul (local.get $cs) (i32.const 3)))))
          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $x0) (local.get $c))))
          (local.set $b3 (f32x4.add (local.get $b3) (f32x4.mul (local.get $x1) (local.get $c))))
          (local.set $x0p (i32.add (local.get $x0p) (i32.const 16)))
          (local.set $x1p (i32.add (local.get $x1p) (i32.const 16)))
          (local.set $cp (i32.add (local.get $cp) (i32.const 16)))
          (br_if $cols (i32.lt_u (local.get $cp) (local.get $cend))))
        (call $potentials (local.get $a0) (local.get $a1) (local.get $a2) (local.get $a3) (local.get $nc)
          (local.get $i) (local.get $norms) (local.get $w) (local.get $closest)
          (i32.add (local.get $D) (i32.mul (local.get $i) (local.get $dstride)))
          (local.get $P01) (local.get $P23))
        (local.set $P23)
        (local.set $P01)
        (if (i32.ne (local.get $i2) (local.get $i))
          (then
            (call $potentials (local.get $b0) (local.get $b1) (local.get $b2) (local.get $b3) (local.get $nc)
              (local.get $i2) (local.get $norms) (local.get $w) (local.get $closest)
              (i32.add (local.get $D) (i32.mul (local.get $i2) (local.get $dstride)))
              (local.get $P01) (local.get $P23))
            (local.set $P23)
            (local.set $P01)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rows)))
    (v128.store (local.get $pots) (local.get $P01))
    (v128.store offset=16 (local.get $pots) (local.get $P23)))

  ;; One row's epilogue of trial4: the four dot products from four lane accumulators, the distances
  ;; stored at $out, and the potentials (P01, P23) with this row added.
  (func $potentials
    (param $a0 v128) (param $a1 v128) (param $a2 v128) (param $a3 v128) (param $nc v128)
    (param $i i32) (param $norms i32) (param $w i32) (param $closest i32) (param $out i32)
    (param $P01 v128) (param $P23 v128) (result v128 v128)
    (local $p v128) (local $q v128) (local $dd v128) (local $wi v128) (local $ci v128)
    (local.set $p (f32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a0) (local.get $a1))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a0) (local.get $a1))))
    (local.set $q (f32x4.add
      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a2) (local.get $a3))
      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a2) (local.get $a3))))
    ;; dd = [x'.c0, x'.c1, x'.c2, x'.c3]
    (local.set $dd (f32x4.add
      (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $p) (local.get $q))
      (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $p) (local.get $q))))
    (local.set $dd (f32x4.max (v128.const f32x4 0 0 0 0)
      (f32x4.sub
        (f32x4.add (f32x4.splat (f32.load (i32.add (local.get $norms) (i32.shl (local.get $i) (i32.const 2)))))
          (local.get $nc))
        (f32x4.add (local.get $dd) (local.get $dd)))))
    (v128.store (local.get $out) (local.get $dd))
    (local.set $wi (f64x2.splat (f64.load (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3))))))
    (local.set $ci (f64x2.splat (f64.load (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3))))))
    (f64x2.add (local.get $P01)
      (f64x2.min (f64x2.mul (f64x2.promote_low_f32x4 (local.get $dd)) (local.get $wi)) (local.get $ci)))
    (f64x2.add (local.get $P23)
      (f64x2.min
        (f64x2.mul
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $dd) (local.get $dd)))
          (local.get $wi))
        (local.get $ci))))

  ;; Take column $col of D (float32, rows $dstride bytes apart) in as a chosen center:
  ;; closest_i = min(closest_i, w_i D_i) (just w_i D_i when $first), cumulative_i = running sum of
  ;; closest; returns the total.
  (func (export "accept")
    (param $D i32) (param $dstride i32) (param $col i32) (param $w i32) (param $closest i32)
    (param $cumulative i32) (param $n i32) (param $first i32) (result f64)
    (local $i i32) (local $p i32) (local $v f64) (local $run f64)
    (local.set $p (i32.add (local.get $D) (i32.shl (local.get $col) (i32.const 2))))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $v (f64.mul (f64.promote_f32 (f32.load (local.get $p)))
          (f64.load (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3))))))
        (if (i32.eqz (local.get $first))
          (then (local.set $v (f64.min (local.get $v)
            (f64.load (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3))))))))
        (f64.store (i32.add (local.get $closest) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))
        (local.set $run (f64.add (local.get $run) (local.get $v)))
        (f64.store (i32.add (local.get $cumulative) (i32.shl (local.get $i) (i32.const 3))) (local.get $run))
        (local.set $p (i32.add (local.get $p) (local.get $dstride)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (local.get $run))

  ;; Centered, augmented rows: for each of the n rows of src (d floats each, packed), dst row i
  ;; (stride bytes) = [float32(x - shift), 1] and norms[i] = float32(sum_j (x_j - shift_j)^2), the
  ;; squares added in float64 (lanes j mod 4 apart, then combined).
  (func (export "center")
    (param $src i32) (param $n i32) (param $d i32) (param $shift i32) (param $dst i32) (param $stride i32)
    (param $norms i32)
    (local $i i32) (local $j i32) (local $s i32) (local $o i32) (local $u v128) (local $lo v128) (local $hi v128)
    (local $t f32) (local $tail f64) (local $d4 i32)
    (local.set $d4 (i32.and (local.get $d) (i32.const -4)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $src) (i32.shl (i32.mul (local.get $i) (local.get $d)) (i32.const 2))))
        (local.set $o (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $lo (v128.const i64x2 0 0))
        (local.set $hi (v128.const i64x2 0 0))
        (local.set $tail (f64.const 0))
        (local.set $j (i32.const 0))
        (block $vdone
          (loop $vec
            (br_if $vdone (i32.ge_u (local.get $j) (local.get $d4)))
            (local.set $u (f32x4.sub
              (v128.load (i32.add (local.get $s) (i32.shl (local.get $j) (i32.const 2))))
              (v128.load (i32.add (local.get $shift) (i32.shl (local.get $j) (i32.const 2))))))
            (v128.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))) (local.get $u))
            (local.set $lo (f64x2.add (local.get $lo)
              (f64x2.mul (f64x2.promote_low_f32x4 (local.get $u)) (f64x2.promote_low_f32x4 (local.get $u)))))
            (local.set $u (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $u) (local.get $u)))
            (local.set $hi (f64x2.add (local.get $hi)
              (f64x2.mul (f64x2.promote_low_f32x4 (local.get $u)) (f64x2.promote_low_f32x4 (local.get $u)))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $vec)))
        (block $tdone
          (loop $scalar
            (br_if $tdone (i32.ge_u (local.get $j) (local.get $d)))
            (local.set $t (f32.sub
              (f32.load (i32.add (local.get $s) (i32.shl (local.get $j) (i32.const 2))))
              (f32.load (i32.add (local.get $shift) (i32.shl (local.get $j) (i32.const 2))))))
            (f32.store (i32.add (local.get $o) (i32.shl (local.get $j) (i32.const 2))) (local.get $t))
            (local.set $tail (f64.add (local.get $tail)
              (f64.mul (f64.promote_f32 (local.get $t)) (f64.promote_f32 (local.get $t)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $scalar)))
        (f32.store (i32.add (local.get $o) (i32.shl (local.get $d) (i32.const 2))) (f32.const 1))
        (local.set $lo (f64x2.add (local.get $lo) (local.get $hi)))
        (f32.store (i32.add (local.get $norms) (i32.shl (local.get $i) (i32.const 2)))
          (f32.demote_f64 (f64.add
            (f64.add (f64x2.extract_lane 0 (local.get $lo)) (f64x2.extract_lane 1 (local.get $lo)))
            (local.get $tail))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; sum_i w_i ||x'_i - c'[labels_i]||^2 in float64 (differences of the float32 values, squared and
  ;; added in float64 in four lanes, j mod 4 apart); centers c' are rows of d floats, packed.
  (func (export "inertia")
    (param $xa i32) (param $stride i32) (param $d i32) (param $n i32) (param $labels i32) (param $w i32)
    (param $centers i32) (result f64)
    (local $i i32) (local $j i32) (local $x i32) (local $c i32) (local $acc v128) (local $acc2 v128) (local $u v128)
    (local $v v128) (local $lo v128) (local $hi v128) (local $row f64) (local $total f64) (local $t f64) (local $d4 i32)
    (local.set $d4 (i32.and (local.get $d) (i32.const -4)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (i32.add (local.get $xa) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $c (i32.add (local.get $centers) (i32.shl
          (i32.mul (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))) (local.get $d))
          (i32.const 2))))
        (local.set $acc (v128.const i64x2 0 0))
        (local.set $acc2 (v128.const i64x2 0 0))
        (local.set $row (f64.const 0))
        (local.set $j (i32.const 0))
        (block $vdone
          (loop $vec
            (br_if $vdone (i32.ge_u (local.get $j) (local.get $d4)))
            ;; Written out, not a call: V8 does not inline WASM calls, and one per vector doubled the time.
            (local.set $u (v128.load (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $v (v128.load (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $lo (f64x2.sub (f64x2.promote_low_f32x4 (local.get $u)) (f64x2.promote_low_f32x4 (local.get $v))))
            (local.set $hi (f64x2.sub
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $u) (local.get $u)))
              (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))))
            (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (local.get $lo) (local.get $lo))))
            (local.set $acc2 (f64x2.add (local.get $acc2) (f64x2.mul (local.get $hi) (local.get $hi))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $vec)))
        (block $tdone
          (loop $scalar
            (br_if $tdone (i32.ge_u (local.get $j) (local.get $d)))
            (local.set $t (f64.sub
              (f64.promote_f32 (f32.load (i32.add (local.get $x) (i32.shl (local.get $j) (i32.const 2)))))
              (f64.promote_f32 (f32.load (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 2)))))))
            (local.set $row (f64.add (local.get $row) (f64.mul (local.get $t) (local.get $t))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $scalar)))
        (local.set $acc (f64x2.add (local.get $acc) (local.get $acc2)))
        (local.set $row (f64.add (local.get $row)
          (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc)))))
        (local.set $total (f64.add (local.get $total)
          (f64.mul (local.get $row) (f64.load (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (local.get $total))

  ;; Add w_i x'_i (float64, row order) into out[labels_i] (clusters of d4 * 4 doubles), w_i into
  ;; weight[labels_i] and 1 into count[labels_i]. The caller zeroes out, weight and count first.
  (func (export "sums")
    (param $xa i32) (param $stride i32) (param $d4 i32) (param $n i32) (param $labels i32) (param $w i32)
    (param $out i32) (param $weight i32) (param $count i32)
    (local $i i32) (local $c i32) (local $wi f64)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load (i32.add (local.get $labels) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $wi (f64.load (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3)))))
        (call $addRow (i32.add (local.get $xa) (i32.mul (local.get $i) (local.get $stride))) (local.get $d4)
          (i32.add (local.get $out) (i32.mul (local.get $c) (i32.shl (local.get $d4) (i32.const 5))))
          (f64x2.splat (local.get $wi)))
        (call $addWeight (local.get $weight) (local.get $count) (local.get $c) (local.get $wi) (i32.const 1))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; For rows with prev_i != next_i (row order): out[prev_i] -= w_i x'_i, out[next_i] += w_i x'_i,
  ;; and the same for weight and count; returns the number of rows moved.
  (func (export "move")
    (param $xa i32) (param $stride i32) (param $d4 i32) (param $n i32) (param $prev i32) (param $next i32)
    (param $w i32) (param $out i32) (param $weight i32) (param $count i32) (result i32)
    (local $i i32) (local $from i32) (local $to i32) (local $moved i32) (local $wi f64) (local $row i32)
    (local $cb i32)
    (local.set $cb (i32.shl (local.get $d4) (i32.const 5)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $from (i32.load (i32.add (local.get $prev) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $to (i32.load (i32.add (local.get $next) (i32.shl (local.get $i) (i32.const 2)))))
        (if (i32.ne (local.get $from) (local.get $to))
          (then
            (local.set $moved (i32.add (local.get $moved) (i32.const 1)))
            (local.set $wi (f64.load (i32.add (local.get $w) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $row (i32.add (local.get $xa) (i32.mul (local.get $i) (local.get $stride))))
            (call $addRow (local.get $row) (local.get $d4)
              (i32.add (local.get $out) (i32.mul (local.get $from) (local.get $cb)))
              (f64x2.splat (f64.neg (local.get $wi))))
            (call $addRow (local.get $row) (local.get $d4)
              (i32.add (local.get $out) (i32.mul (local.get $to) (local.get $cb)))
              (f64x2.splat (local.get $wi)))
            (call $addWeight (local.get $weight) (local.get $count) (local.get $from) (f64.neg (local.get $wi)) (i32.const -1))
            (call $addWeight (local.get $weight) (local.get $count) (local.get $to) (local.get $wi) (i32.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (local.get $moved))

  ;; sum[0 .. 4 d4) += w * row[0 .. 4 d4) in float64 (w as both lanes; -w subtracts the same products).
  (func $addRow (param $row i32) (param $d4 i32) (param $sum i32) (param $w v128)
    (local $end i32) (local $v v128)
    (local.set $end (i32.add (local.get $row) (i32.shl (local.get $d4) (i32.const 4))))
    (loop $cols
      (local.set $v (v128.load (local.get $row)))
      (v128.store (local.get $sum) (f64x2.add (v128.load (local.get $sum))
        (f64x2.mul (f64x2.promote_low_f32x4 (local.get $v)) (local.get $w))))
      (v128.store offset=16 (local.get $sum) (f64x2.add (v128.load offset=16 (local.get $sum))
        (f64x2.mul
          (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v)))
          (local.get $w))))
      (local.set $sum (i32.add (local.get $sum) (i32.const 32)))
      (local.set $row (i32.add (local.get $row) (i32.const 16)))
      (br_if $cols (i32.lt_u (local.get $row) (local.get $end)))))

  ;; weight[c] += w, count[c] += step.
  (func $addWeight (param $weight i32) (param $count i32) (param $c i32) (param $w f64) (param $step i32)
    (local $p i32)
    (local.set $p (i32.add (local.get $weight) (i32.shl (local.get $c) (i32.const 3))))
    (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $w)))
    (local.set $p (i32.add (local.get $count) (i32.shl (local.get $c) (i32.const 2))))
    (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (local.get $step))))

  ;; Copy rows idx[0 .. m) of the rows at xa to dst, both `stride` bytes apart, d4 vectors each: a
  ;; tight copy loop, so the cache misses of rows scattered over X overlap (gathering, then
  ;; assigning, 1,024 random rows of 1,000,000 x 64: 0.40 ms, against 0.52 ms assigning them where
  ;; they lie; medians).
  (func $gatherRows
    (param $xa i32) (param $stride i32) (param $d4 i32) (param $idx i32) (param $m i32) (param $dst i32)
    (local $r i32) (local $src i32) (local $end i32) (local $out i32)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $r) (local.get $m)))
        (local.set $src (i32.add (local.get $xa) (i32.mul (local.get $stride)
          (i32.load (i32.add (local.get $idx) (i32.shl (local.get $r) (i32.const 2)))))))
        (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $stride) (local.get $r))))
        (local.set $end (i32.add (local.get $src) (i32.shl (local.get $d4) (i32.const 4))))
        (loop $cols
          (v128.store (local.get $out) (v128.load (local.get $src)))
          (local.set $src (i32.add (local.get $src) (i32.const 16)))
          (local.set $out (i32.add (local.get $out) (i32.const 16)))
          (br_if $cols (i32.lt_u (local.get $src) (local.get $end))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; A mini-batch step's assignment over m gathered rows xb (stride bytes apart; row r is X's row
  ;; idx[r], whose ||x'||^2 is norms[idx[r]]): label_r = argmin_c (||c'||^2 - 2 x'.c') in float32,
  ;; ties to the lower index; w_r x' added to sums[label_r] (float64, batch order), w_r to
  ;; weight[label_r], 1 to count[label_r]; returns sum_r w_r max(0, ||x'||^2 + that minimum) (the
  ;; float32 distance, added in float64). cent: m4 groups of four centers, vector j of the group's
  ;; four centers at 64 j (zero-padded); cnorm: 4 m4 floats ||c'||^2, +inf for padding centers.
  ;; The caller zeroes sums, weight and count.
  (func $batchNearest
    (param $xb i32) (param $stride i32) (param $d4 i32) (param $m i32) (param $norms i32) (param $idx i32)
    (param $cent i32) (param $cnorm i32) (param $m4 i32) (param $w i32)
    (param $sums i32) (param $weight i32) (param $count i32) (result f64)
    (local $r i32) (local $r2 i32) (local $as i32) (local $bs i32) (local $x0p i32) (local $x1p i32)
    (local $cp i32) (local $cend i32) (local $cs i32) (local $g i32) (local $c i32) (local $bv f32)
    (local $wi f64) (local $dist f32) (local $total f64)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $x0 v128) (local $x1 v128) (local $cv v128) (local $p v128) (local $q v128) (local $v v128)
    (local $nc v128) (local $mask v128) (local $gi v128)
    (local $besta v128) (local $bestb v128) (local $ia v128) (local $ib v128)
    (local.set $cs (i32.shl (local.get $d4) (i32.const 6)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $r) (local.get $m)))
        ;; Rows r and r2 = r + 1 (r again at an odd end: computed twice, taken once).
        (local.set $r2 (select (i32.add (local.get $r) (i32.const 1)) (local.get $r)
          (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $m))))
        (local.set $as (i32.add (local.get $xb) (i32.mul (local.get $r) (local.get $stride))))
        (local.set $bs (i32.add (local.get $xb) (i32.mul (local.get $r2) (local.get $stride))))
        (local.set $besta (v128.const f32x4 inf inf inf inf))
        (local.set $bestb (v128.const f32x4 inf inf inf inf))
        (local.set $ia (v128.const i32x4 0 0 0 0))
        (local.set $ib (v128.const i32x4 0 0 0 0))
        (local.set $gi (v128.const i32x4 0 1 2 3))
        (local.set $cp (local.get $cent))
        (local.set $g (i32.const 0))
        (loop $groups
          (local.set $x0p (local.get $as))
          (local.set $x1p (local.get $bs))
          (local.set $cend (i32.add (local.get $cp) (local.get $cs)))
          (local.set $a0 (v128.const i64x2 0 0)) (local.set $a1 (v128.const i64x2 0 0))
          (local.set $a2 (v128.const i64x2 0 0)) (local.set $a3 (v128.const i64x2 0 0))
          (local.set $b0 (v128.const i64x2 0 0)) (local.set $b1 (v128.const i64x2 0 0))
          (local.set $b2 (v128.const i64x2 0 0)) (local.set $b3 (v128.const i64x2 0 0))
          (loop $cols
            (local.set $x0 (v128.load (local.get $x0p)))
            (local.set $x1 (v128.load (local.get $x1p)))
            (local.set $cv (v128.load (local.get $cp)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $x0) (local.get $cv))))
            (local.set $b0 (f32x4.add (local.get $b0) (f32x4.mul (local.get $x1) (local.get $cv))))
            (local.set $cv (v128.load offset=16 (local.get $cp)))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $x0) (local.get $cv))))
            (local.set $b1 (f32x4.add (local.get $b1) (f32x4.mul (local.get $x1) (local.get $cv))))
            (local.set $cv (v128.load offset=32 (local.get $cp)))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $x0) (local.get $cv))))
            (local.set $b2 (f32x4.add (local.get $b2) (f32x4.mul (local.get $x1) (local.get $cv))))
            (local.set $cv (v128.load offset=48 (local.get $cp)))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $x0) (local.get $cv))))
            (local.set $b3 (f32x4.add (local.get $b3) (f32x4.mul (local.get $x1) (local.get $cv))))
            (local.set $x0p (i32.add (local.get $x0p) (i32.const 16)))
            (local.set $x1p (i32.add (local.get $x1p) (i32.const 16)))
            (local.set $cp (i32.add (local.get $cp) (i32.const 64)))
            (br_if $cols (i32.lt_u (local.get $cp) (local.get $cend))))
          ;; Per row: v = ||c'||^2 - 2 [x'.c0 .. x'.c3] from the four lane accumulators; lanes that
          ;; beat the best so far take v and the group's center index (written out for both rows:
          ;; V8 does not inline WASM calls).
          (local.set $nc (v128.load (i32.add (local.get $cnorm) (i32.shl (local.get $g) (i32.const 4)))))
          (local.set $p (f32x4.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a0) (local.get $a1))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a0) (local.get $a1))))
          (local.set $q (f32x4.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $a2) (local.get $a3))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $a2) (local.get $a3))))
          (local.set $v (f32x4.add
            (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $p) (local.get $q))
            (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $p) (local.get $q))))
          (local.set $v (f32x4.sub (local.get $nc) (f32x4.add (local.get $v) (local.get $v))))
          (local.set $mask (f32x4.lt (local.get $v) (local.get $besta)))
          (local.set $besta (v128.bitselect (local.get $v) (local.get $besta) (local.get $mask)))
          (local.set $ia (v128.bitselect (local.get $gi) (local.get $ia) (local.get $mask)))
          (local.set $p (f32x4.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $b0) (local.get $b1))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $b0) (local.get $b1))))
          (local.set $q (f32x4.add
            (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $b2) (local.get $b3))
            (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $b2) (local.get $b3))))
          (local.set $v (f32x4.add
            (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $p) (local.get $q))
            (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $p) (local.get $q))))
          (local.set $v (f32x4.sub (local.get $nc) (f32x4.add (local.get $v) (local.get $v))))
          (local.set $mask (f32x4.lt (local.get $v) (local.get $bestb)))
          (local.set $bestb (v128.bitselect (local.get $v) (local.get $bestb) (local.get $mask)))
          (local.set $ib (v128.bitselect (local.get $gi) (local.get $ib) (local.get $mask)))
          (local.set $gi (i32x4.add (local.get $gi) (v128.const i32x4 4 4 4 4)))
          (local.set $g (i32.add (local.get $g) (i32.const 1)))
          (br_if $groups (i32.lt_u (local.get $g) (local.get $m4))))
        (call $argmin (local.get $besta) (local.get $ia))
        (local.set $bv)
        (local.set $c)
        (local.set $wi (f64.load (i32.add (local.get $w) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $dist (f32.max (f32.const 0) (f32.add (local.get $bv) (f32.load (i32.add (local.get $norms)
          (i32.shl (i32.load (i32.add (local.get $idx) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 2)))))))
        (local.set $total (f64.add (local.get $total) (f64.mul (local.get $wi) (f64.promote_f32 (local.get $dist)))))
        (call $addRow (local.get $as) (local.get $d4)
          (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.shl (local.get $d4) (i32.const 5))))
          (f64x2.splat (local.get $wi)))
        (call $addWeight (local.get $weight) (local.get $count) (local.get $c) (local.get $wi) (i32.const 1))
        (if (i32.ne (local.get $r2) (local.get $r))
          (then
            (call $argmin (local.get $bestb) (local.get $ib))
            (local.set $bv)
            (local.set $c)
            (local.set $wi (f64.load (i32.add (local.get $w) (i32.shl (local.get $r2) (i32.const 3)))))
            (local.set $dist (f32.max (f32.const 0) (f32.add (local.get $bv) (f32.load (i32.add (local.get $norms)
              (i32.shl (i32.load (i32.add (local.get $idx) (i32.shl (local.get $r2) (i32.const 2)))) (i32.const 2)))))))
            (local.set $total (f64.add (local.get $total) (f64.mul (local.get $wi) (f64.promote_f32 (local.get $dist)))))
            (call $addRow (local.get $bs) (local.get $d4)
              (i32.add (local.get $sums) (i32.mul (local.get $c) (i32.shl (local.get $d4) (i32.const 5))))
              (f64x2.splat (local.get $wi)))
            (call $addWeight (local.get $weight) (local.get $count) (local.get $c) (local.get $wi) (i32.const 1))))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $rows)))
    (local.get $total))

  ;; A mini-batch step (wasm/batch-rows.ts): gatherRows of the batch rows into xb, then
  ;; batchNearest over them; returns the batch inertia.
  (func (export "batchStep")
    (param $xa i32) (param $stride i32) (param $d4 i32) (param $idx i32) (param $m i32) (param $xb i32)
    (param $norms i32) (param $cent i32) (param $cnorm i32) (param $m4 i32) (param $w i32)
    (param $sums i32) (param $weight i32) (param $count i32) (result f64)
    (call $gatherRows (local.get $xa) (local.get $stride) (local.get $d4) (local.get $idx) (local.get $m) (local.get $xb))
    (call $batchNearest (local.get $xb) (local.get $stride) (local.get $d4) (local.get $m) (local.get $norms)
      (local.get $idx) (local.get $cent) (local.get $cnorm) (local.get $m4) (local.get $w)
      (local.get $sums) (local.get $weight) (local.get $count)))

  ;; The least lane of v and, of the lanes holding it, the lowest index in idx.
  (func $argmin (param $v v128) (param $idx v128) (result i32 f32)
    (local $t v128)
    (local.set $t (f32x4.min (local.get $v) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
    (local.set $t (f32x4.min (local.get $t) (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $t) (local.get $t))))
    (local.set $idx (v128.bitselect (local.get $idx) (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff)
      (f32x4.eq (local.get $v) (local.get $t))))
    (local.set $idx (i32x4.min_s (local.get $idx) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $idx) (local.get $idx))))
    (local.set $idx (i32x4.min_s (local.get $idx) (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $idx) (local.get $idx))))
    (i32x4.extract_lane 0 (local.get $idx))
    (f32x4.extract_lane 0 (local.get $t)))
)
