namespace Retrosense.Node.Dsp
{
    /// <summary>
    /// Single-precision square root, sine and cosine for the node, which has no System.Math (nanoFramework ships it as a
    /// separate package whose default build lacks double precision). Accurate to a few float ulps over the ranges the
    /// feature extractor uses; checked against System.Math in the tests.
    /// </summary>
    public static class FloatMath
    {
        /// <summary>π to float precision.</summary>
        public const float Pi = 3.14159265358979f;

        /// <summary>2π to float precision.</summary>
        public const float TwoPi = 6.28318530717959f;

        /// <summary>π/2 to float precision.</summary>
        public const float HalfPi = 1.57079632679490f;

        // Cody–Waite split of π/2 into three parts (W. J. Cody, W. Waite, "Software Manual for the Elementary Functions",
        // 1980, ch. 8): the first two have 12-bit mantissas, so q·part is exact in float for |q| < 4096 and x − q·π/2 keeps
        // its low bits.
        private const float HalfPiHigh = 1.57080078125f;
        private const float HalfPiMiddle = -4.453584551811218e-06f;
        private const float HalfPiLow = -8.705516307827565e-10f;

        /// <summary>Absolute value.</summary>
        public static float Abs(float value)
        {
            return value < 0f ? -value : value;
        }

        /// <summary>
        /// Square root by range reduction to [0.25, 1) (scaling by powers of 4, whose roots are exact powers of 2), a linear
        /// first guess 0.41731 + 0.59016·m (J. F. Hart et al., "Computer Approximations", 1968; relative error &lt; 0.9 %),
        /// and three Newton–Raphson steps y ← (y + m/y)/2, each of which squares the relative error.
        /// Returns 0 for zero, negative or NaN input.
        /// </summary>
        public static float Sqrt(float value)
        {
            if (!(value > 0f))
            {
                return 0f;
            }

            if (value > 3.0e38f)
            {
                return value; // infinity stays infinity
            }

            var mantissa = value;
            var scale = 1f;
            while (mantissa >= 65536f)
            {
                mantissa *= 1f / 65536f;
                scale *= 256f;
            }

            while (mantissa >= 1f)
            {
                mantissa *= 0.25f;
                scale *= 2f;
            }

            while (mantissa < 1f / 65536f)
            {
                mantissa *= 65536f;
                scale *= 1f / 256f;
            }

            while (mantissa < 0.25f)
            {
                mantissa *= 4f;
                scale *= 0.5f;
            }

            var root = 0.41731f + (0.59016f * mantissa);
            root = 0.5f * (root + (mantissa / root));
            root = 0.5f * (root + (mantissa / root));
            root = 0.5f * (root + (mantissa / root));
            return root * scale;
        }

        /// <summary>Sine of an angle in radians (accurate to ~2e-7 absolute for |x| up to a few thousand radians).</summary>
        public static float Sin(float radians)
        {
            int quadrant;
            var reduced = Reduce(radians, out quadrant);
            switch (quadrant)
            {
                case 0:
                    return SinKernel(reduced);
                case 1:
                    return CosKernel(reduced);
                case 2:
                    return -SinKernel(reduced);
                default:
                    return -CosKernel(reduced);
            }
        }

        /// <summary>Cosine of an angle in radians (accurate to ~2e-7 absolute for |x| up to a few thousand radians).</summary>
        public static float Cos(float radians)
        {
            int quadrant;
            var reduced = Reduce(radians, out quadrant);
            switch (quadrant)
            {
                case 0:
                    return CosKernel(reduced);
                case 1:
                    return -SinKernel(reduced);
                case 2:
                    return -CosKernel(reduced);
                default:
                    return SinKernel(reduced);
            }
        }

        /// <summary>Largest integer not greater than the value, for values well inside the int range.</summary>
        public static int FloorToInt(float value)
        {
            var truncated = (int)value;
            return truncated > value ? truncated - 1 : truncated;
        }

        /// <summary>Smallest integer not less than the value, for values well inside the int range.</summary>
        public static int CeilingToInt(float value)
        {
            var truncated = (int)value;
            return truncated < value ? truncated + 1 : truncated;
        }

        // x = q·π/2 + r with |r| ≤ π/4; returns r and q mod 4.
        private static float Reduce(float radians, out int quadrant)
        {
            var scaled = radians * (2f / Pi);
            var q = scaled >= 0f ? (int)(scaled + 0.5f) : -(int)(0.5f - scaled);
            var reduced = ((radians - (q * HalfPiHigh)) - (q * HalfPiMiddle)) - (q * HalfPiLow);
            quadrant = q & 3;
            return reduced;
        }

        // Taylor series of sin on [−π/4, π/4] to x⁹: truncation error below (π/4)¹¹/11! ≈ 2e-9.
        private static float SinKernel(float x)
        {
            var x2 = x * x;
            return x * (1f + (x2 * (-1f / 6f + (x2 * (1f / 120f + (x2 * (-1f / 5040f + (x2 * (1f / 362880f)))))))));
        }

        // Taylor series of cos on [−π/4, π/4] to x¹⁰: truncation error below (π/4)¹²/12! ≈ 1e-10.
        private static float CosKernel(float x)
        {
            var x2 = x * x;
            return 1f + (x2 * (-0.5f + (x2 * (1f / 24f + (x2 * (-1f / 720f + (x2 * (1f / 40320f + (x2 * (-1f / 3628800f))))))))));
        }
    }
}
