using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Wire
{
    /// <summary>Body of an <c>alarm</c> message. Reusable: the threshold logic fills one instance per transition.</summary>
    public sealed class AlarmMessage
    {
        public AlarmSource Source { get; set; }

        /// <summary>Channel the alarm is about; for <see cref="AlarmSource.Zone"/> the encoder always writes velocity RMS.</summary>
        public FeatureChannel Channel { get; set; }

        /// <summary>Axis of the value (Max for zones and environment channels).</summary>
        public AxisSelector Axis { get; set; }

        public AlarmSeverity Severity { get; set; }

        public AlarmState State { get; set; }

        /// <summary>The value that caused the transition, in the channel's unit (NaN → null on the wire).</summary>
        public float Value { get; set; }

        /// <summary>The level crossed, in the channel's unit (for zones the zone boundary).</summary>
        public float Threshold { get; set; }

        /// <summary>New zone; written only for <see cref="AlarmSource.Zone"/>.</summary>
        public IsoZone Zone { get; set; }

        /// <summary>Zone before the transition; written only for <see cref="AlarmSource.Zone"/>.</summary>
        public IsoZone PreviousZone { get; set; }
    }
}
