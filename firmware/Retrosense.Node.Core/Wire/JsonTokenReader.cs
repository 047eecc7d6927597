namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Pull tokenizer for one UTF-8 JSON document (RFC 8259) in a byte array, nano-safe. <see cref="Read"/> moves to the
    /// next token and checks the grammar as it goes (commas, colons, nesting, one root value, nothing after it);
    /// on the first error it stops and <see cref="Error"/> says what was wrong and at which byte offset.
    /// Strings are decoded (escapes, <c>\uXXXX</c>, UTF-8) into new strings, so use it for rare messages such as config,
    /// not per-window work. Numbers are parsed by hand in integer arithmetic: integers exactly into a long, and every
    /// number into the nearest float (see <c>ScaleByPowerOfTen</c> for the exact limits), so .NET and nanoFramework
    /// read the same bits.
    /// </summary>
    public sealed class JsonTokenReader
    {
        /// <summary>Nesting a config message needs (root, limits array, limit object) with room to spare.</summary>
        public const int DefaultMaxDepth = 8;

        private const byte ObjectContainer = 1;
        private const byte ArrayContainer = 2;

        private const int ExpectValue = 0;
        private const int ExpectValueOrArrayEnd = 1;
        private const int ExpectPropertyNameOrObjectEnd = 2;
        private const int ExpectPropertyName = 3;
        private const int ExpectCommaOrEnd = 4;
        private const int ExpectNothing = 5;

        /// <summary>Most significant digits kept in the integer mantissa; later digits only shift the exponent.</summary>
        private const int MaxMantissaDigits = 18;

        /// <summary>Largest k with 5^k below 2^61, so a remainder shifted left once still fits a long.</summary>
        private const int MaxExactFivePower = 26;

        /// <summary>Working quotient is grown to at least 2^59 bits before rounding to the float's 24.</summary>
        private const long ScaleLimit = 1L << 59;

        private readonly byte[] _data;
        private readonly int _length;
        private readonly byte[] _containers;
        private readonly char[] _chars;
        private int _position;
        private int _state;

        public JsonTokenReader(byte[] data, int length)
            : this(data, length, DefaultMaxDepth)
        {
        }

        public JsonTokenReader(byte[] data, int length, int maxDepth)
        {
            _data = data;
            _length = length < data.Length ? length : data.Length;
            _containers = new byte[maxDepth];
            _chars = new char[_length];
            _state = ExpectValue;
            StringValue = string.Empty;
        }

        public JsonTokenType TokenType { get; private set; }

        /// <summary>Byte offset where the current token starts.</summary>
        public int TokenOffset { get; private set; }

        /// <summary>Open objects and arrays after the current token (0 at the root).</summary>
        public int Depth { get; private set; }

        /// <summary>Decoded text of a <see cref="JsonTokenType.String"/> or <see cref="JsonTokenType.PropertyName"/>.</summary>
        public string StringValue { get; private set; }

        /// <summary>Value of a <see cref="JsonTokenType.Number"/> as a float (±Infinity is reported as an error instead).</summary>
        public float FloatValue { get; private set; }

        /// <summary>Value of a number without fraction or exponent; valid when <see cref="IsInteger"/>.</summary>
        public long LongValue { get; private set; }

        /// <summary>True for a number written without fraction or exponent that fits in a long.</summary>
        public bool IsInteger { get; private set; }

        /// <summary>Null, or what made the input invalid, starting with <c>"at byte N: "</c>.</summary>
        public string? Error { get; private set; }

        /// <summary>Byte offset of the error, or -1.</summary>
        public int ErrorOffset { get; private set; } = -1;

        /// <summary>
        /// Moves to the next token. False at the end of the document (after the root value, with only whitespace left)
        /// or on an error (then <see cref="Error"/> is set and every later call returns false).
        /// </summary>
        public bool Read()
        {
            if (Error != null)
            {
                return false;
            }

            while (true)
            {
                SkipWhitespace();
                if (_state == ExpectNothing)
                {
                    if (_position < _length)
                    {
                        return Fail(_position, "unexpected data after the end of the document");
                    }

                    TokenType = JsonTokenType.None;
                    return false;
                }

                if (_position >= _length)
                {
                    return Fail(_position, "unexpected end of input (truncated message)");
                }

                var c = _data[_position];
                TokenOffset = _position;
                switch (_state)
                {
                    case ExpectCommaOrEnd:
                        var inObject = _containers[Depth - 1] == ObjectContainer;
                        if (c == ',')
                        {
                            _position++;
                            _state = inObject ? ExpectPropertyName : ExpectValue;
                            continue;
                        }

                        if (inObject && c == '}')
                        {
                            return EndContainer(JsonTokenType.EndObject);
                        }

                        if (!inObject && c == ']')
                        {
                            return EndContainer(JsonTokenType.EndArray);
                        }

                        return Fail(_position, inObject ? "expected ',' or '}' but found " + Describe(c) : "expected ',' or ']' but found " + Describe(c));

                    case ExpectPropertyNameOrObjectEnd:
                        if (c == '}')
                        {
                            return EndContainer(JsonTokenType.EndObject);
                        }

                        return ReadPropertyName(c);

                    case ExpectPropertyName:
                        return ReadPropertyName(c);

                    case ExpectValueOrArrayEnd:
                        if (c == ']')
                        {
                            return EndContainer(JsonTokenType.EndArray);
                        }

                        return ReadValue(c);

                    default:
                        return ReadValue(c);
                }
            }
        }

        /// <summary>
        /// Skips the value the reader is on: after a <see cref="JsonTokenType.PropertyName"/> its value, after a
        /// start token everything up to and including the matching end. False on an error.
        /// </summary>
        public bool Skip()
        {
            if (TokenType == JsonTokenType.PropertyName && !Read())
            {
                return false;
            }

            if (TokenType != JsonTokenType.StartObject && TokenType != JsonTokenType.StartArray)
            {
                return true;
            }

            var targetDepth = Depth - 1;
            while (Read())
            {
                if (Depth == targetDepth && (TokenType == JsonTokenType.EndObject || TokenType == JsonTokenType.EndArray))
                {
                    return true;
                }
            }

            return false;
        }

        private bool ReadPropertyName(byte c)
        {
            if (c != '"')
            {
                return Fail(_position, "expected a property name in double quotes but found " + Describe(c));
            }

            if (!ReadString())
            {
                return false;
            }

            SkipWhitespace();
            if (_position >= _length)
            {
                return Fail(_position, "unexpected end of input (truncated message)");
            }

            if (_data[_position] != ':')
            {
                return Fail(_position, "expected ':' after property name but found " + Describe(_data[_position]));
            }

            _position++;
            _state = ExpectValue;
            TokenType = JsonTokenType.PropertyName;
            return true;
        }

        private bool ReadValue(byte c)
        {
            if (c == '{' || c == '[')
            {
                if (Depth >= _containers.Length)
                {
                    return Fail(_position, "nesting deeper than " + _containers.Length + " levels");
                }

                _containers[Depth] = c == '{' ? ObjectContainer : ArrayContainer;
                Depth++;
                _position++;
                _state = c == '{' ? ExpectPropertyNameOrObjectEnd : ExpectValueOrArrayEnd;
                TokenType = c == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                return true;
            }

            if (c == '"')
            {
                if (!ReadString())
                {
                    return false;
                }

                TokenType = JsonTokenType.String;
            }
            else if (c == 't')
            {
                if (!ReadLiteral("true"))
                {
                    return false;
                }

                TokenType = JsonTokenType.True;
            }
            else if (c == 'f')
            {
                if (!ReadLiteral("false"))
                {
                    return false;
                }

                TokenType = JsonTokenType.False;
            }
            else if (c == 'n')
            {
                if (!ReadLiteral("null"))
                {
                    return false;
                }

                TokenType = JsonTokenType.Null;
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                if (!ReadNumber())
                {
                    return false;
                }

                TokenType = JsonTokenType.Number;
            }
            else
            {
                return Fail(_position, "expected a value but found " + Describe(c));
            }

            AfterValue();
            return true;
        }

        private bool EndContainer(JsonTokenType type)
        {
            _position++;
            Depth--;
            TokenType = type;
            AfterValue();
            return true;
        }

        private void AfterValue()
        {
            _state = Depth == 0 ? ExpectNothing : ExpectCommaOrEnd;
        }

        private bool ReadLiteral(string literal)
        {
            for (var i = 0; i < literal.Length; i++)
            {
                if (_position + i >= _length)
                {
                    return Fail(_position + i, "unexpected end of input (truncated message)");
                }

                if (_data[_position + i] != literal[i])
                {
                    return Fail(_position, "invalid literal (expected '" + literal + "')");
                }
            }

            _position += literal.Length;
            return true;
        }

        /// <summary>Reads a string starting at the opening quote into <see cref="StringValue"/>.</summary>
        private bool ReadString()
        {
            var start = _position;
            _position++;
            var count = 0;
            while (true)
            {
                if (_position >= _length)
                {
                    return Fail(start, "unterminated string (truncated message)");
                }

                int b = _data[_position];
                if (b == '"')
                {
                    _position++;
                    break;
                }

                if (b < 0x20)
                {
                    return Fail(_position, "control character in string (must be escaped)");
                }

                if (b == '\\')
                {
                    if (_position + 1 >= _length)
                    {
                        return Fail(_position, "unterminated escape (truncated message)");
                    }

                    int escaped = _data[_position + 1];
                    char decoded;
                    switch (escaped)
                    {
                        case '"': decoded = '"'; break;
                        case '\\': decoded = '\\'; break;
                        case '/': decoded = '/'; break;
                        case 'b': decoded = '\b'; break;
                        case 'f': decoded = '\f'; break;
                        case 'n': decoded = '\n'; break;
                        case 'r': decoded = '\r'; break;
                        case 't': decoded = '\t'; break;
                        case 'u':
                            var unit = 0;
                            for (var i = 0; i < 4; i++)
                            {
                                if (_position + 2 + i >= _length)
                                {
                                    return Fail(_position, "unterminated \\u escape (truncated message)");
                                }

                                var digit = HexValue(_data[_position + 2 + i]);
                                if (digit < 0)
                                {
                                    return Fail(_position + 2 + i, "invalid hex digit in \\u escape");
                                }

                                unit = (unit << 4) | digit;
                            }

                            // Surrogate pairs arrive as two escapes; each UTF-16 unit is stored as it comes.
                            _chars[count++] = (char)unit;
                            _position += 6;
                            continue;
                        default:
                            return Fail(_position, "invalid escape '\\" + new string((char)escaped, 1) + "'");
                    }

                    _chars[count++] = decoded;
                    _position += 2;
                    continue;
                }

                if (b < 0x80)
                {
                    _chars[count++] = (char)b;
                    _position++;
                    continue;
                }

                // Multi-byte UTF-8: lead byte gives the length; reject overlong forms and surrogates (RFC 3629).
                int extra;
                int codePoint;
                int minimum;
                if ((b & 0xE0) == 0xC0)
                {
                    extra = 1;
                    codePoint = b & 0x1F;
                    minimum = 0x80;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    extra = 2;
                    codePoint = b & 0x0F;
                    minimum = 0x800;
                }
                else if ((b & 0xF8) == 0xF0)
                {
                    extra = 3;
                    codePoint = b & 0x07;
                    minimum = 0x10000;
                }
                else
                {
                    return Fail(_position, "invalid UTF-8 lead byte");
                }

                for (var i = 1; i <= extra; i++)
                {
                    if (_position + i >= _length)
                    {
                        return Fail(_position, "truncated UTF-8 sequence");
                    }

                    int continuation = _data[_position + i];
                    if ((continuation & 0xC0) != 0x80)
                    {
                        return Fail(_position + i, "invalid UTF-8 continuation byte");
                    }

                    codePoint = (codePoint << 6) | (continuation & 0x3F);
                }

                if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
                {
                    return Fail(_position, "invalid UTF-8 sequence");
                }

                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    _chars[count++] = (char)(0xD800 + (codePoint >> 10));
                    _chars[count++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    _chars[count++] = (char)codePoint;
                }

                _position += extra + 1;
            }

            StringValue = new string(_chars, 0, count);
            return true;
        }

        private bool ReadNumber()
        {
            var start = _position;
            var negative = false;
            if (_data[_position] == '-')
            {
                negative = true;
                _position++;
            }

            long mantissa = 0;
            var mantissaDigits = 0;
            var exponent = 0;
            var integerDigits = 0;
            if (_position < _length && _data[_position] == '0')
            {
                _position++;
                integerDigits = 1;
                if (_position < _length && IsDigit(_data[_position]))
                {
                    return Fail(start, "number with a leading zero");
                }
            }
            else
            {
                while (_position < _length && IsDigit(_data[_position]))
                {
                    Accumulate(_data[_position], ref mantissa, ref mantissaDigits, ref exponent, false);
                    integerDigits++;
                    _position++;
                }
            }

            if (integerDigits == 0)
            {
                return Fail(start, "number without digits");
            }

            var isInteger = true;
            if (_position < _length && _data[_position] == '.')
            {
                isInteger = false;
                _position++;
                var fractionDigits = 0;
                while (_position < _length && IsDigit(_data[_position]))
                {
                    Accumulate(_data[_position], ref mantissa, ref mantissaDigits, ref exponent, true);
                    fractionDigits++;
                    _position++;
                }

                if (fractionDigits == 0)
                {
                    return Fail(start, "number with no digits after the decimal point");
                }
            }

            if (_position < _length && (_data[_position] == 'e' || _data[_position] == 'E'))
            {
                isInteger = false;
                _position++;
                var exponentNegative = false;
                if (_position < _length && (_data[_position] == '+' || _data[_position] == '-'))
                {
                    exponentNegative = _data[_position] == '-';
                    _position++;
                }

                var written = 0;
                var exponentDigits = 0;
                while (_position < _length && IsDigit(_data[_position]))
                {
                    if (written < 10000)
                    {
                        written = (written * 10) + (_data[_position] - '0');
                    }

                    exponentDigits++;
                    _position++;
                }

                if (exponentDigits == 0)
                {
                    return Fail(start, "number with an empty exponent");
                }

                exponent += exponentNegative ? -written : written;
            }

            if (isInteger && exponent != 0)
            {
                // More than 18 digits: keep it as a float only.
                isInteger = false;
            }

            IsInteger = isInteger;
            LongValue = negative ? -mantissa : mantissa;
            var value = ScaleByPowerOfTen(mantissa, exponent);
            if (value > 3.40282347e38f)
            {
                return Fail(start, "number out of float range");
            }

            FloatValue = negative ? -value : value;
            return true;
        }

        private static void Accumulate(byte digit, ref long mantissa, ref int mantissaDigits, ref int exponent, bool isFraction)
        {
            if (mantissaDigits < MaxMantissaDigits)
            {
                mantissa = (mantissa * 10) + (digit - '0');
                if (mantissa != 0)
                {
                    mantissaDigits++;
                }

                if (isFraction)
                {
                    exponent--;
                }
            }
            else if (!isFraction)
            {
                exponent++;
            }
        }

        /// <summary>
        /// The float nearest to mantissa × 10^exponent (ties to even). Exact for decimals with up to 26 fraction digits
        /// (long division by 5^k, remainder kept as a sticky bit) and for values that fit a long; beyond that the
        /// working value keeps 60 bits, so only a tie broken below the 60th bit could round the other way.
        /// Results in the subnormal range may be rounded twice.
        /// </summary>
        private static float ScaleByPowerOfTen(long mantissa, int exponent)
        {
            if (mantissa == 0)
            {
                return 0f;
            }

            var value = mantissa;
            var binaryExponent = 0;
            var sticky = false;
            if (exponent >= 0)
            {
                for (var i = 0; i < exponent; i++)
                {
                    while (value > long.MaxValue / 10)
                    {
                        sticky |= (value & 1) != 0;
                        value >>= 1;
                        binaryExponent++;
                    }

                    value *= 10;
                }

                return ComposeFloat(value, binaryExponent, sticky);
            }

            // 10^-k = 5^-k × 2^-k; 5^26 < 2^61 keeps the shifted remainder inside a long.
            var exactFives = -exponent < MaxExactFivePower ? -exponent : MaxExactFivePower;
            long divisor = 1;
            for (var i = 0; i < exactFives; i++)
            {
                divisor *= 5;
            }

            binaryExponent = -exactFives;
            var quotient = value / divisor;
            var remainder = value % divisor;
            while (quotient < ScaleLimit)
            {
                remainder <<= 1;
                quotient <<= 1;
                binaryExponent--;
                if (remainder >= divisor)
                {
                    quotient |= 1;
                    remainder -= divisor;
                }
            }

            sticky = remainder != 0;
            for (var i = exactFives; i < -exponent; i++)
            {
                sticky |= quotient % 10 != 0;
                quotient /= 10;
                while (quotient < ScaleLimit)
                {
                    quotient <<= 1;
                    binaryExponent--;
                }
            }

            return ComposeFloat(quotient, binaryExponent, sticky);
        }

        /// <summary>value × 2^binaryExponent rounded to a 24-bit float mantissa, ties to even; sticky: the true value is a bit above.</summary>
        private static float ComposeFloat(long value, int binaryExponent, bool sticky)
        {
            while (value >= (1L << 25))
            {
                sticky |= (value & 1) != 0;
                value >>= 1;
                binaryExponent++;
            }

            if (value >= (1L << 24))
            {
                var roundBit = (value & 1) != 0;
                value >>= 1;
                binaryExponent++;
                if (roundBit && (sticky || (value & 1) != 0))
                {
                    value++;
                }
            }

            var result = (float)value;
            while (binaryExponent > 0)
            {
                result *= 2f;
                binaryExponent--;
                if (result > 3.40282347e38f)
                {
                    return result;
                }
            }

            while (binaryExponent < 0)
            {
                result *= 0.5f;
                binaryExponent++;
                if (result == 0f)
                {
                    return 0f;
                }
            }

            return result;
        }

        private void SkipWhitespace()
        {
            while (_position < _length)
            {
                var c = _data[_position];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _position++;
            }
        }

        private bool Fail(int offset, string message)
        {
            ErrorOffset = offset;
            Error = "at byte " + offset + ": " + message;
            TokenType = JsonTokenType.None;
            return false;
        }

        private static bool IsDigit(byte c)
        {
            return c >= '0' && c <= '9';
        }

        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private static string Describe(byte c)
        {
            if (c >= 0x20 && c < 0x7F)
            {
                return "'" + new string((char)c, 1) + "'";
            }

            return "byte " + c;
        }
    }
}
