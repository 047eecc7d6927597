using Retrosense.Node.Configuration;

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// Watches one <see cref="LimitRule"/>: normal → warning → alarm, each level raised after
    /// <see cref="LimitRule.ConfirmWindows"/> consecutive values beyond it and cleared after as many consecutive values back
    /// inside it by more than <see cref="LimitRule.Hysteresis"/>.
    /// </summary>
    /// <remarks>
    /// For an upper limit a value is beyond a level when value ≥ level (reaching the level counts, as a value on an ISO zone
    /// boundary belongs to the worse zone) and back inside when value &lt; level − hysteresis. A lower limit
    /// (<see cref="LimitRule.TriggersBelow"/>) is the mirror image: beyond when value ≤ level, inside when value &gt; level + hysteresis.
    /// Four consecutive counts run all the time (beyond warning, beyond alarm, inside warning, inside alarm); a value that
    /// breaks a run resets that count. Escalation warning→alarm and de-escalation alarm→warning are transitions of their own.
    /// When both levels confirm in the same window the monitor moves in one step (normal→alarm or alarm→normal) rather than
    /// holding an alarm back by a window; the transition then names both severities.
    /// A non-finite value (NaN, infinity) is "no data" (a sensor that did not answer): it neither advances nor resets the counts.
    /// </remarks>
    public sealed class LimitMonitor
    {
        private readonly LimitTransition _transition;

        // Levels in "upper limit" orientation: a lower limit is monitored on the negated value against negated levels.
        private readonly float _sign;
        private readonly float _warningLevel;
        private readonly float _alarmLevel;
        private readonly float _hysteresis;
        private readonly int _confirmWindows;
        private int _beyondWarningCount;
        private int _beyondAlarmCount;
        private int _insideWarningCount;
        private int _insideAlarmCount;

        public LimitMonitor(LimitRule rule)
        {
            Rule = rule;
            _transition = new LimitTransition(rule);
            _sign = rule.TriggersBelow ? -1f : 1f;
            _warningLevel = _sign * rule.WarningLevel;
            _alarmLevel = _sign * rule.AlarmLevel;
            _hysteresis = rule.Hysteresis < 0f ? 0f : rule.Hysteresis;
            _confirmWindows = rule.ConfirmWindows < 1 ? 1 : rule.ConfirmWindows;
        }

        public LimitRule Rule { get; }

        /// <summary>Current level of the rule.</summary>
        public LimitSeverity Severity { get; private set; }

        /// <summary>The last transition; valid after <see cref="Update"/> returned true.</summary>
        public LimitTransition Transition { get { return _transition; } }

        /// <summary>Feeds one value of the rule's channel.</summary>
        /// <returns>True when a level was raised or cleared by this value; <see cref="Transition"/> then describes it.</returns>
        public bool Update(float value)
        {
            if (float.IsNaN(value) || float.IsInfinity(value))
            {
                return false;
            }

            var oriented = _sign * value;
            _beyondWarningCount = Advance(_beyondWarningCount, oriented >= _warningLevel);
            _beyondAlarmCount = Advance(_beyondAlarmCount, oriented >= _alarmLevel);
            _insideWarningCount = Advance(_insideWarningCount, oriented < _warningLevel - _hysteresis);
            _insideAlarmCount = Advance(_insideAlarmCount, oriented < _alarmLevel - _hysteresis);

            var next = Severity;
            if (Severity == LimitSeverity.Normal)
            {
                if (_beyondWarningCount >= _confirmWindows)
                {
                    next = _beyondAlarmCount >= _confirmWindows ? LimitSeverity.Alarm : LimitSeverity.Warning;
                }
            }
            else if (Severity == LimitSeverity.Warning)
            {
                if (_beyondAlarmCount >= _confirmWindows)
                {
                    next = LimitSeverity.Alarm;
                }
                else if (_insideWarningCount >= _confirmWindows)
                {
                    next = LimitSeverity.Normal;
                }
            }
            else if (_insideAlarmCount >= _confirmWindows)
            {
                next = _insideWarningCount >= _confirmWindows ? LimitSeverity.Normal : LimitSeverity.Warning;
            }

            if (next == Severity)
            {
                return false;
            }

            var raised = next > Severity;
            var severity = raised ? next : Severity;
            _transition.PreviousSeverity = Severity;
            _transition.NewSeverity = next;
            _transition.IsRaised = raised;
            _transition.Severity = severity;
            _transition.Value = value;
            _transition.Threshold = severity == LimitSeverity.Alarm ? Rule.AlarmLevel : Rule.WarningLevel;
            Severity = next;
            return true;
        }

        /// <summary>Back to normal with all counts at zero (after a config change).</summary>
        public void Reset()
        {
            Severity = LimitSeverity.Normal;
            _beyondWarningCount = 0;
            _beyondAlarmCount = 0;
            _insideWarningCount = 0;
            _insideAlarmCount = 0;
        }

        private int Advance(int count, bool holds)
        {
            if (!holds)
            {
                return 0;
            }

            // Saturate: only "at least N" matters, and a long run must not overflow.
            return count < _confirmWindows ? count + 1 : count;
        }
    }
}
