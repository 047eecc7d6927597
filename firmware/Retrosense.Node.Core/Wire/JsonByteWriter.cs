using System;

namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Writes compact UTF-8 JSON into a caller-owned byte array without allocating: the node preallocates its message
    /// buffer once and encodes every message into it. Commas and nesting are tracked here, so callers only say what comes
    /// next. When the buffer is too small the writer stops, sets <see cref="HasOverflowed"/> and ignores further writes:
    /// callers must check it (the message encoders throw) so a truncated message is never published.
    /// </summary>
    public sealed class JsonByteWriter
    {
        /// <summary>Deepest nesting the writer tracks; the wire messages need 4.</summary>
        public const int MaxDepth = 16;

        private readonly bool[] _hasElement = new bool[MaxDepth + 1];
        private byte[] _buffer = new byte[0];
        private int _position;
        private int _depth;
        private bool _afterPropertyName;

        /// <summary>Bytes written since <see cref="Start"/>.</summary>
        public int Length { get { return _position; } }

        /// <summary>True once anything did not fit; the content is then incomplete and must not be used.</summary>
        public bool HasOverflowed { get; private set; }

        /// <summary>The array being written.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Starts a new document at the beginning of <paramref name="buffer"/>.</summary>
        public void Start(byte[] buffer)
        {
            _buffer = buffer;
            _position = 0;
            _depth = 0;
            _hasElement[0] = false;
            _afterPropertyName = false;
            HasOverflowed = false;
        }

        public void BeginObject()
        {
            BeforeValue();
            WriteByte((byte)'{');
            Push();
        }

        public void EndObject()
        {
            Pop();
            WriteByte((byte)'}');
        }

        public void BeginArray()
        {
            BeforeValue();
            WriteByte((byte)'[');
            Push();
        }

        public void EndArray()
        {
            Pop();
            WriteByte((byte)']');
        }

        /// <summary>Writes <c>"name":</c>; the next call writes its value.</summary>
        public void PropertyName(string name)
        {
            BeforeValue();
            WriteQuoted(name);
            WriteByte((byte)':');
            _afterPropertyName = true;
        }

        /// <summary>A string value, or <c>null</c> when <paramref name="value"/> is null.</summary>
        public void StringValue(string? value)
        {
            if (value == null)
            {
                NullValue();
                return;
            }

            BeforeValue();
            WriteQuoted(value);
        }

        public void NumberValue(long value)
        {
            BeforeValue();
            if (value == long.MinValue)
            {
                // Its magnitude does not fit in a long, so it cannot go through the digit loop below.
                WriteAscii("-9223372036854775808");
                return;
            }

            if (value < 0)
            {
                WriteByte((byte)'-');
                value = -value;
            }

            var digits = 1;
            var rest = value;
            while (rest >= 10)
            {
                rest /= 10;
                digits++;
            }

            if (_position + digits > _buffer.Length)
            {
                HasOverflowed = true;
                return;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                _buffer[_position + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            _position += digits;
        }

        /// <summary>A float with <see cref="DecimalFloatFormatter"/>'s rules (non-finite → <c>null</c>).</summary>
        public void NumberValue(float value)
        {
            BeforeValue();
            if (HasOverflowed)
            {
                return;
            }

            var written = DecimalFloatFormatter.Format(value, _buffer, _position);
            if (written < 0)
            {
                HasOverflowed = true;
                return;
            }

            _position += written;
        }

        public void BooleanValue(bool value)
        {
            BeforeValue();
            WriteAscii(value ? "true" : "false");
        }

        public void NullValue()
        {
            BeforeValue();
            WriteAscii("null");
        }

        public void Property(string name, long value)
        {
            PropertyName(name);
            NumberValue(value);
        }

        public void Property(string name, float value)
        {
            PropertyName(name);
            NumberValue(value);
        }

        public void Property(string name, string? value)
        {
            PropertyName(name);
            StringValue(value);
        }

        public void Property(string name, bool value)
        {
            PropertyName(name);
            BooleanValue(value);
        }

        private void BeforeValue()
        {
            if (_afterPropertyName)
            {
                _afterPropertyName = false;
                return;
            }

            if (_hasElement[_depth])
            {
                WriteByte((byte)',');
            }

            _hasElement[_depth] = true;
        }

        private void Push()
        {
            if (_depth == MaxDepth)
            {
                throw new InvalidOperationException("JSON nesting deeper than " + MaxDepth);
            }

            _depth++;
            _hasElement[_depth] = false;
        }

        private void Pop()
        {
            if (_depth == 0)
            {
                throw new InvalidOperationException("JSON end without a matching begin");
            }

            _depth--;
        }

        private void WriteByte(byte value)
        {
            if (_position >= _buffer.Length)
            {
                HasOverflowed = true;
                return;
            }

            _buffer[_position++] = value;
        }

        private void WriteAscii(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                WriteByte((byte)text[i]);
            }
        }

        /// <summary>
        /// Writes a quoted string: <c>"</c> and <c>\</c> escaped, control characters as <c>\n \r \t \b \f</c> or
        /// <c>\u00XX</c>, everything else as UTF-8 (surrogate pairs joined into 4 bytes; a lone surrogate becomes U+FFFD).
        /// </summary>
        private void WriteQuoted(string text)
        {
            WriteByte((byte)'"');
            for (var i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c == '"' || c == '\\')
                {
                    WriteByte((byte)'\\');
                    WriteByte((byte)c);
                }
                else if (c < 0x20)
                {
                    WriteControl(c);
                }
                else if (c < 0x80)
                {
                    WriteByte((byte)c);
                }
                else if (c < 0x800)
                {
                    WriteByte((byte)(0xC0 | (c >> 6)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    var codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    WriteByte((byte)(0xF0 | (codePoint >> 18)));
                    WriteByte((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    WriteByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (codePoint & 0x3F)));
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD;
                    }

                    WriteByte((byte)(0xE0 | (c >> 12)));
                    WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
            }

            WriteByte((byte)'"');
        }

        private void WriteControl(int c)
        {
            WriteByte((byte)'\\');
            switch (c)
            {
                case '\n':
                    WriteByte((byte)'n');
                    break;
                case '\r':
                    WriteByte((byte)'r');
                    break;
                case '\t':
                    WriteByte((byte)'t');
                    break;
                case '\b':
                    WriteByte((byte)'b');
                    break;
                case '\f':
                    WriteByte((byte)'f');
                    break;
                default:
                    WriteByte((byte)'u');
                    WriteByte((byte)'0');
                    WriteByte((byte)'0');
                    WriteByte(HexDigit(c >> 4));
                    WriteByte(HexDigit(c & 0xF));
                    break;
            }
        }

        private static byte HexDigit(int value)
        {
            return (byte)(value < 10 ? '0' + value : 'a' + value - 10);
        }
    }
}
