namespace Retrosense.Node.EnvironmentChannels
{
    /// <summary>Mean, minimum and maximum of one environment channel over a reporting interval.</summary>
    public sealed class ChannelSummary
    {
        private float _sum;

        public float Mean { get { return Count == 0 ? 0f : _sum / Count; } }

        public float Min { get; private set; }

        public float Max { get; private set; }

        /// <summary>Readings in the interval; 0 means the sensor gave none and the channel is reported as missing.</summary>
        public int Count { get; private set; }

        public void Add(float value)
        {
            if (Count == 0)
            {
                Min = value;
                Max = value;
            }
            else
            {
                if (value < Min)
                {
                    Min = value;
                }

                if (value > Max)
                {
                    Max = value;
                }
            }

            _sum += value;
            Count++;
        }

        public void Reset()
        {
            _sum = 0f;
            Min = 0f;
            Max = 0f;
            Count = 0;
        }

        /// <summary>Copies another summary's state into this one (used to hand a finished interval to the encoder without allocating).</summary>
        public void CopyFrom(ChannelSummary other)
        {
            _sum = other._sum;
            Min = other.Min;
            Max = other.Max;
            Count = other.Count;
        }
    }
}
