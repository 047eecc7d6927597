using Retrosense.Node.Configuration;

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// A raised or cleared limit level. One instance is owned by each <see cref="LimitMonitor"/> and overwritten on every
    /// transition, so reporting one allocates nothing; copy the fields out if they must outlive the next update.
    /// </summary>
    public sealed class LimitTransition
    {
        internal LimitTransition(LimitRule rule)
        {
            Rule = rule;
        }

        /// <summary>The rule whose level changed.</summary>
        public LimitRule Rule { get; }

        /// <summary>
        /// The level raised or cleared: the higher of <see cref="PreviousSeverity"/> and <see cref="NewSeverity"/>
        /// (Alarm for normal→alarm, warning→alarm, alarm→warning and alarm→normal; Warning for normal↔warning).
        /// </summary>
        public LimitSeverity Severity { get; internal set; }

        /// <summary>True when the level was raised (things got worse), false when it was cleared.</summary>
        public bool IsRaised { get; internal set; }

        public LimitSeverity PreviousSeverity { get; internal set; }

        public LimitSeverity NewSeverity { get; internal set; }

        /// <summary>The value of the window that confirmed the transition, in the channel's unit.</summary>
        public float Value { get; internal set; }

        /// <summary>The level of <see cref="Severity"/> (the rule's warning or alarm level), in the channel's unit.</summary>
        public float Threshold { get; internal set; }
    }
}
