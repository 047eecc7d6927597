using System;

namespace Retrosense.Node.Wire
{
    /// <summary>A message did not fit the caller's buffer; nothing usable was written (never publish a partial message).</summary>
    public sealed class MessageBufferTooSmallException : Exception
    {
        public MessageBufferTooSmallException(string kind, int bufferLength)
            : base(kind + " message does not fit in a buffer of " + bufferLength + " bytes")
        {
            Kind = kind;
            BufferLength = bufferLength;
        }

        /// <summary>Message kind being encoded.</summary>
        public string Kind { get; }

        /// <summary>Size of the buffer that was too small, in bytes.</summary>
        public int BufferLength { get; }
    }
}
