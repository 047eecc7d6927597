namespace Retrosense.Contracts
{
    /// <summary>Version of the wire contract carried in every message as <c>"schema"</c>.</summary>
    public static class SchemaVersion
    {
        /// <summary>The version this build writes and reads.</summary>
        public const int Current = 1;
    }
}
