namespace Retrosense.Node.Configuration
{
    /// <summary>
    /// A warning/alarm limit on one channel with hysteresis and N-consecutive confirmation: a level is raised after
    /// <see cref="ConfirmWindows"/> consecutive values beyond it and cleared after as many values back inside it by more
    /// than <see cref="Hysteresis"/>.
    /// </summary>
    public sealed class LimitRule
    {
        public LimitRule(FeatureChannel channel, AxisSelector axis, float warningLevel, float alarmLevel, float hysteresis, int confirmWindows, bool triggersBelow)
        {
            Channel = channel;
            Axis = axis;
            WarningLevel = warningLevel;
            AlarmLevel = alarmLevel;
            Hysteresis = hysteresis;
            ConfirmWindows = confirmWindows;
            TriggersBelow = triggersBelow;
        }

        public FeatureChannel Channel { get; }

        public AxisSelector Axis { get; }

        public float WarningLevel { get; }

        public float AlarmLevel { get; }

        /// <summary>How far back inside a level a value must be to count towards clearing it, in the channel's unit.</summary>
        public float Hysteresis { get; }

        /// <summary>Consecutive windows needed to raise or to clear (N ≥ 1).</summary>
        public int ConfirmWindows { get; }

        /// <summary>True for a lower limit (the level is crossed when the value falls below it), false for an upper limit.</summary>
        public bool TriggersBelow { get; }
    }
}
