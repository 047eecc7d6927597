namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Writes a float as a JSON number with at most 6 significant digits, the same bytes on .NET and nanoFramework
    /// (their <c>float.ToString</c> differ, and nanoFramework's has no round-trip format).
    /// <list type="bullet">
    /// <item>Plain notation when the leading digit's decimal exponent is in [-6, 11] (|x| from 1e-6 to below 1e12 after
    /// rounding); otherwise <c>d.ddddde±x</c> without a plus sign, e.g. <c>1e-7</c>, <c>3.40282e38</c>.</item>
    /// <item>Rounded to nearest, ties to even, on the exact binary value (as .NET's own exact formatting does); trailing zeros and a bare decimal point trimmed; 0 and -0 both
    /// write <c>0</c>.</item>
    /// <item>NaN and ±Infinity write <c>null</c> (JSON has no non-finite numbers; the schemas allow null for measured values).</item>
    /// </list>
    /// Six digits because a float carries about 7.2 decimal digits: six always survive the round trip to the cloud's
    /// double and back, and they are more than any sensor here resolves.
    /// The float is split into an integer mantissa and a power of two by exact doublings/halvings, then scaled in a
    /// 64-bit integer, so no float rounding (and no platform's float printing) enters the digits.
    /// </summary>
    public static class DecimalFloatFormatter
    {
        /// <summary>Most bytes one number can take (<c>-0.00000123456</c> is 14).</summary>
        public const int MaxLength = 16;

        private const int SignificantDigits = 6;

        /// <summary>Smallest and largest leading-digit exponent written without an exponent part.</summary>
        private const int MinPlainExponent = -6;
        private const int MaxPlainExponent = 11;

        /// <summary>Working mantissa is kept between 2^59 and 10 × 2^59, so ×10 and ×2 never overflow a long.</summary>
        private const long ScaleLimit = 1L << 59;

        private const float TwoPow23 = 8388608f;
        private const float TwoPow24 = 16777216f;
        private const float LargestFloat = 3.40282347e38f;

        private static readonly long[] PowersOfTen =
        {
            1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L, 10000000000L,
            100000000000L, 1000000000000L, 10000000000000L, 100000000000000L, 1000000000000000L,
            10000000000000000L, 100000000000000000L, 1000000000000000000L,
        };

        private static readonly byte[] NullBytes = { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        /// <summary>True unless NaN or ±Infinity.</summary>
        public static bool IsFinite(float value)
        {
            return !float.IsNaN(value) && value <= LargestFloat && value >= -LargestFloat;
        }

        /// <summary>
        /// Writes <paramref name="value"/> at <paramref name="offset"/>; returns the number of bytes written, or -1 (and
        /// writes nothing) when the number does not fit before the end of <paramref name="destination"/>.
        /// </summary>
        public static int Format(float value, byte[] destination, int offset)
        {
            if (!IsFinite(value))
            {
                if (offset + NullBytes.Length > destination.Length)
                {
                    return -1;
                }

                for (var i = 0; i < NullBytes.Length; i++)
                {
                    destination[offset + i] = NullBytes[i];
                }

                return NullBytes.Length;
            }

            if (value == 0f)
            {
                if (offset >= destination.Length)
                {
                    return -1;
                }

                destination[offset] = (byte)'0';
                return 1;
            }

            var negative = value < 0f;
            var magnitude = negative ? -value : value;

            // magnitude = mantissa × 2^binaryExponent with mantissa in [2^23, 2^24): doubling and halving are exact.
            var binaryExponent = 0;
            while (magnitude >= TwoPow24)
            {
                magnitude *= 0.5f;
                binaryExponent++;
            }

            while (magnitude < TwoPow23)
            {
                magnitude *= 2f;
                binaryExponent--;
            }

            // scaled × 10^decimalExponent tracks the value; only the low bits far below the 6th digit are truncated.
            var scaled = (long)magnitude;
            var decimalExponent = 0;
            var truncated = false;
            while (binaryExponent > 0)
            {
                if (scaled >= ScaleLimit)
                {
                    truncated |= scaled % 10 != 0;
                    scaled /= 10;
                    decimalExponent++;
                }
                else
                {
                    scaled <<= 1;
                    binaryExponent--;
                }
            }

            while (binaryExponent < 0)
            {
                if (scaled < ScaleLimit)
                {
                    scaled *= 10;
                    decimalExponent--;
                }
                else
                {
                    truncated |= (scaled & 1) != 0;
                    scaled >>= 1;
                    binaryExponent++;
                }
            }

            var digitCount = CountDigits(scaled);
            long significand;
            if (digitCount > SignificantDigits)
            {
                // Round half to even, like .NET's exact formatting; a truncated remainder lies just above what is left.
                var divisor = PowersOfTen[digitCount - SignificantDigits];
                significand = scaled / divisor;
                var remainder = scaled % divisor;
                var half = divisor / 2;
                if (remainder > half || (remainder == half && (truncated || (significand & 1) != 0)))
                {
                    significand++;
                }
            }
            else
            {
                significand = scaled * PowersOfTen[SignificantDigits - digitCount];
            }

            // significand × 10^lastDigitExponent is the rounded value.
            var lastDigitExponent = decimalExponent + digitCount - SignificantDigits;
            if (significand >= PowersOfTen[SignificantDigits])
            {
                significand /= 10;
                lastDigitExponent++;
            }

            var leadingExponent = lastDigitExponent + SignificantDigits - 1;
            var kept = SignificantDigits;
            while (kept > 1 && Digit(significand, kept - 1) == 0)
            {
                kept--;
            }

            var plain = leadingExponent >= MinPlainExponent && leadingExponent <= MaxPlainExponent;
            var length = negative ? 1 : 0;
            if (plain)
            {
                if (leadingExponent >= kept - 1)
                {
                    length += leadingExponent + 1;
                }
                else if (leadingExponent >= 0)
                {
                    length += kept + 1;
                }
                else
                {
                    length += 2 + (-leadingExponent - 1) + kept;
                }
            }
            else
            {
                length += (kept > 1 ? kept + 1 : 1) + 1 + (leadingExponent < 0 ? 1 : 0) + CountDigits(leadingExponent < 0 ? -leadingExponent : leadingExponent);
            }

            if (offset + length > destination.Length)
            {
                return -1;
            }

            var position = offset;
            if (negative)
            {
                destination[position++] = (byte)'-';
            }

            if (plain)
            {
                if (leadingExponent >= 0)
                {
                    for (var i = 0; i <= leadingExponent; i++)
                    {
                        destination[position++] = (byte)('0' + (i < SignificantDigits ? Digit(significand, i) : 0));
                    }

                    if (kept - 1 > leadingExponent)
                    {
                        destination[position++] = (byte)'.';
                        for (var i = leadingExponent + 1; i < kept; i++)
                        {
                            destination[position++] = (byte)('0' + Digit(significand, i));
                        }
                    }
                }
                else
                {
                    destination[position++] = (byte)'0';
                    destination[position++] = (byte)'.';
                    for (var i = 1; i < -leadingExponent; i++)
                    {
                        destination[position++] = (byte)'0';
                    }

                    for (var i = 0; i < kept; i++)
                    {
                        destination[position++] = (byte)('0' + Digit(significand, i));
                    }
                }
            }
            else
            {
                destination[position++] = (byte)('0' + Digit(significand, 0));
                if (kept > 1)
                {
                    destination[position++] = (byte)'.';
                    for (var i = 1; i < kept; i++)
                    {
                        destination[position++] = (byte)('0' + Digit(significand, i));
                    }
                }

                destination[position++] = (byte)'e';
                var exponent = leadingExponent;
                if (exponent < 0)
                {
                    destination[position++] = (byte)'-';
                    exponent = -exponent;
                }

                var exponentDigits = CountDigits(exponent);
                for (var i = exponentDigits - 1; i >= 0; i--)
                {
                    destination[position + i] = (byte)('0' + (exponent % 10));
                    exponent /= 10;
                }

                position += exponentDigits;
            }

            return position - offset;
        }

        /// <summary>Decimal digits of a positive number (1 for 0).</summary>
        private static int CountDigits(long value)
        {
            var count = 1;
            while (value >= 10)
            {
                value /= 10;
                count++;
            }

            return count;
        }

        /// <summary>Digit <paramref name="index"/> (0 = leading) of a six-digit significand.</summary>
        private static int Digit(long significand, int index)
        {
            return (int)((significand / PowersOfTen[SignificantDigits - 1 - index]) % 10);
        }
    }
}
