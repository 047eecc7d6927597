namespace Retrosense.Node.Configuration
{
    /// <summary>A named frequency band whose RMS acceleration is reported per axis.</summary>
    public sealed class FrequencyBand
    {
        public FrequencyBand(string name, float lowHz, float highHz)
        {
            Name = name;
            LowHz = lowHz;
            HighHz = highHz;
        }

        /// <summary>Short name used on the wire, e.g. <c>"1x"</c> or <c>"500-2000"</c>.</summary>
        public string Name { get; }

        public float LowHz { get; }

        public float HighHz { get; }
    }
}
