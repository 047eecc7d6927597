namespace Retrosense.Node.Dsp
{
    /// <summary>Vibration features of one axis over one window. Filled in place by the feature extractor; never reallocated.</summary>
    public sealed class AxisFeatures
    {
        public AxisFeatures(int bandCount)
        {
            BandRmsG = new float[bandCount];
        }

        /// <summary>RMS of the acceleration with its mean (gravity, offset) removed, in g.</summary>
        public float RmsG { get; set; }

        /// <summary>Largest absolute deviation from the mean, in g.</summary>
        public float PeakG { get; set; }

        /// <summary>Maximum minus minimum, in g.</summary>
        public float PeakToPeakG { get; set; }

        /// <summary>Peak over RMS (√2 for a pure sine).</summary>
        public float CrestFactor { get; set; }

        /// <summary>Fourth standardised moment, not excess (1.5 for a sine, 3 for Gaussian noise).</summary>
        public float Kurtosis { get; set; }

        /// <summary>Third standardised moment.</summary>
        public float Skewness { get; set; }

        /// <summary>Velocity RMS in mm/s over the configured band (ISO 10816-3: 10–1000 Hz, 2–1000 Hz under 600 rpm).</summary>
        public float VelocityRmsMmPerSecond { get; set; }

        /// <summary>Frequency of the largest spectral peak above the velocity band's lower edge, in Hz.</summary>
        public float DominantFrequencyHz { get; set; }

        /// <summary>RMS acceleration in each configured band, in g (same order as the configuration's bands).</summary>
        public float[] BandRmsG { get; }

        /// <summary>RMS of the demodulated (envelope) signal, in g.</summary>
        public float EnvelopeRmsG { get; set; }

        /// <summary>Envelope-spectrum RMS around the outer-race defect frequency and its harmonics, in g.</summary>
        public float EnvelopeBpfoG { get; set; }

        /// <summary>Envelope-spectrum RMS around the inner-race defect frequency and its harmonics, in g.</summary>
        public float EnvelopeBpfiG { get; set; }

        /// <summary>Envelope-spectrum RMS around the ball (rolling element) spin frequency and its harmonics, in g.</summary>
        public float EnvelopeBsfG { get; set; }

        /// <summary>Envelope-spectrum RMS around the cage (fundamental train) frequency and its harmonics, in g.</summary>
        public float EnvelopeFtfG { get; set; }
    }
}
