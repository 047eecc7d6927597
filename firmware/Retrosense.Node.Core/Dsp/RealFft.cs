namespace Retrosense.Node.Dsp
{
    /// <summary>
    /// In-place radix-2 FFTs for a node with little memory. The only array is one quarter-wave sine table of N/4 + 1 floats
    /// (sin 2πk/N for k = 0..N/4), from which every sin and cos of a multiple of 2π/N is read by symmetry; transforms of
    /// any smaller power-of-two size read it with a stride. Nothing is allocated after the constructor.
    /// <para>
    /// A real signal of length n is transformed as an n/2-point complex FFT of the even/odd samples packed as re/im,
    /// followed by the standard split step X[k] = E[k] + e^(−i2πk/n)·O[k] (E. O. Brigham, "The Fast Fourier Transform and
    /// its Applications", 1988, §9.4; W. H. Press et al., "Numerical Recipes", 3rd ed., §12.3.2). The result is packed in
    /// the same array: data[0] = X[0] (real), data[1] = X[n/2] (real), data[2k], data[2k+1] = Re, Im X[k] for 0 &lt; k &lt; n/2.
    /// </para>
    /// </summary>
    public sealed class RealFft
    {
        private readonly float[] _quarterSine;
        private readonly int _size;
        private readonly int _quarter;

        /// <summary>Builds the twiddle table for real transforms of up to <paramref name="size"/> samples (a power of two, at least 8).</summary>
        public RealFft(int size)
        {
            if (size < 8 || !IsPowerOfTwo(size))
            {
                throw new System.ArgumentOutOfRangeException(nameof(size), "FFT size must be a power of two of at least 8");
            }

            _size = size;
            _quarter = size / 4;
            _quarterSine = new float[_quarter + 1];
            for (var k = 0; k <= _quarter; k++)
            {
                // Fold to the first octant so each entry comes from a short series argument: sin x for x ≤ π/4, cos(π/2 − x) above.
                if (2 * k <= _quarter)
                {
                    _quarterSine[k] = FloatMath.Sin(FloatMath.TwoPi * k / size);
                }
                else
                {
                    _quarterSine[k] = FloatMath.Cos(FloatMath.TwoPi * (_quarter - k) / size);
                }
            }

            _quarterSine[0] = 0f;
            _quarterSine[_quarter] = 1f;
        }

        /// <summary>Largest real transform length N.</summary>
        public int Size { get { return _size; } }

        /// <summary>Bytes of the twiddle table, the only array this object owns.</summary>
        public int TableBytes { get { return _quarterSine.Length * 4; } }

        /// <summary>True when the value is a positive power of two.</summary>
        public static bool IsPowerOfTwo(int value)
        {
            return value > 0 && (value & (value - 1)) == 0;
        }

        /// <summary>sin(2πk/N) for any integer k.</summary>
        public float SinOfStep(int k)
        {
            k &= _size - 1;
            var quarter = _quarter;
            if (k <= quarter)
            {
                return _quarterSine[k];
            }

            if (k <= 2 * quarter)
            {
                return _quarterSine[(2 * quarter) - k];
            }

            if (k <= 3 * quarter)
            {
                return -_quarterSine[k - (2 * quarter)];
            }

            return -_quarterSine[(4 * quarter) - k];
        }

        /// <summary>cos(2πk/N) for any integer k.</summary>
        public float CosOfStep(int k)
        {
            return SinOfStep(k + _quarter);
        }

        /// <summary>
        /// Forward FFT of <paramref name="length"/> real samples in data[0..length), packed as described on the class.
        /// length is a power of two, 4 ≤ length ≤ N. Unnormalised: a cosine of amplitude A on bin k gives |X[k]| = A·length/2.
        /// </summary>
        public void ForwardReal(float[] data, int length)
        {
            if (length < 4 || length > _size || !IsPowerOfTwo(length) || data.Length < length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(length));
            }

            var half = length / 2;
            Transform(data, half, false);

            // Angle step 2π/length expressed in table steps of 2π/N.
            var step = _size / length;
            var re0 = data[0];
            var im0 = data[1];
            data[0] = re0 + im0;
            data[1] = re0 - im0;
            for (var k = 1; k <= half / 2; k++)
            {
                var mirror = half - k;
                var zRe = data[2 * k];
                var zIm = data[(2 * k) + 1];
                var cRe = data[2 * mirror];
                var cIm = -data[(2 * mirror) + 1];

                // E = (Z[k] + conj Z[half−k]) / 2 is the spectrum of the even samples, O = −i (Z[k] − conj Z[half−k]) / 2 of the odd.
                var evenRe = 0.5f * (zRe + cRe);
                var evenIm = 0.5f * (zIm + cIm);
                var oddRe = 0.5f * (zIm - cIm);
                var oddIm = -0.5f * (zRe - cRe);

                var wRe = CosOfStep(k * step);
                var wIm = -SinOfStep(k * step);
                var tRe = (wRe * oddRe) - (wIm * oddIm);
                var tIm = (wRe * oddIm) + (wIm * oddRe);

                data[2 * k] = evenRe + tRe;
                data[(2 * k) + 1] = evenIm + tIm;
                data[2 * mirror] = evenRe - tRe;
                data[(2 * mirror) + 1] = tIm - evenIm;
            }
        }

        /// <summary>
        /// Forward complex FFT of <paramref name="count"/> points held as interleaved re/im in data[0..2·count);
        /// count is a power of two, count ≤ N/2. Unnormalised: X[k] = Σ x[n]·e^(−i2πkn/count).
        /// </summary>
        public void ForwardComplex(float[] data, int count)
        {
            CheckComplex(data, count);
            Transform(data, count, false);
        }

        /// <summary>
        /// Inverse complex FFT of <paramref name="count"/> points, interleaved re/im, in place; unnormalised
        /// (x[n] = Σ X[k]·e^(+i2πkn/count), so forward then inverse multiplies by count).
        /// </summary>
        public void InverseComplex(float[] data, int count)
        {
            CheckComplex(data, count);
            Transform(data, count, true);
        }

        private void CheckComplex(float[] data, int count)
        {
            if (count < 1 || count > _size / 2 || !IsPowerOfTwo(count) || data.Length < 2 * count)
            {
                throw new System.ArgumentOutOfRangeException(nameof(count));
            }
        }

        // Iterative decimation-in-time radix-2 FFT: bit-reversal permutation, then log2(count) butterfly stages.
        private void Transform(float[] data, int count, bool inverse)
        {
            var reversed = 0;
            for (var i = 0; i < count - 1; i++)
            {
                if (i < reversed)
                {
                    var a = 2 * i;
                    var b = 2 * reversed;
                    var re = data[a];
                    var im = data[a + 1];
                    data[a] = data[b];
                    data[a + 1] = data[b + 1];
                    data[b] = re;
                    data[b + 1] = im;
                }

                var bit = count >> 1;
                while ((reversed & bit) != 0)
                {
                    reversed ^= bit;
                    bit >>= 1;
                }

                reversed |= bit;
            }

            // Table steps of 2π/N per step of 2π/count.
            var baseStride = _size / count;
            for (var half = 1; half < count; half <<= 1)
            {
                var span = half << 1;
                var stride = baseStride * (count / span);
                for (var k = 0; k < half; k++)
                {
                    var wRe = CosOfStep(k * stride);
                    var wIm = inverse ? SinOfStep(k * stride) : -SinOfStep(k * stride);
                    for (var start = k; start < count; start += span)
                    {
                        var a = 2 * start;
                        var b = 2 * (start + half);
                        var tRe = (wRe * data[b]) - (wIm * data[b + 1]);
                        var tIm = (wRe * data[b + 1]) + (wIm * data[b]);
                        data[b] = data[a] - tRe;
                        data[b + 1] = data[a + 1] - tIm;
                        data[a] += tRe;
                        data[a + 1] += tIm;
                    }
                }
            }
        }
    }
}
