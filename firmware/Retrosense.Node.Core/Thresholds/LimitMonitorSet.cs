using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// One <see cref="LimitMonitor"/> per rule of a config, created when the config is applied. Vibration rules are fed once
    /// per window, environment rules whenever an environment interval closes; the transitions of one update are listed
    /// through <see cref="TransitionCount"/> and <see cref="Transition"/> without allocating.
    /// </summary>
    public sealed class LimitMonitorSet
    {
        private readonly LimitMonitor[] _monitors;
        private readonly LimitTransition[] _transitions;

        public LimitMonitorSet(NodeConfig config)
        {
            var limits = config.Limits;
            var count = limits == null ? 0 : limits.Length;
            _monitors = new LimitMonitor[count];
            _transitions = new LimitTransition[count];
            for (var i = 0; i < count; i++)
            {
                _monitors[i] = new LimitMonitor(limits![i]);
            }
        }

        /// <summary>Number of rules.</summary>
        public int Count { get { return _monitors.Length; } }

        /// <summary>Transitions produced by the last update call.</summary>
        public int TransitionCount { get; private set; }

        /// <summary>The worst current level over all rules (for the status message).</summary>
        public LimitSeverity HighestSeverity
        {
            get
            {
                var highest = LimitSeverity.Normal;
                for (var i = 0; i < _monitors.Length; i++)
                {
                    if (_monitors[i].Severity > highest)
                    {
                        highest = _monitors[i].Severity;
                    }
                }

                return highest;
            }
        }

        public LimitMonitor Monitor(int index)
        {
            return _monitors[index];
        }

        /// <summary>The <paramref name="index"/>-th transition of the last update (0 ≤ index &lt; <see cref="TransitionCount"/>).</summary>
        public LimitTransition Transition(int index)
        {
            if (index >= TransitionCount)
            {
                throw new System.ArgumentOutOfRangeException("index");
            }

            return _transitions[index];
        }

        /// <summary>Feeds one window's features to every vibration rule.</summary>
        /// <returns>The number of transitions (see <see cref="Transition"/>).</returns>
        public int UpdateVibration(VibrationFeatures features)
        {
            TransitionCount = 0;
            for (var i = 0; i < _monitors.Length; i++)
            {
                var monitor = _monitors[i];
                var rule = monitor.Rule;
                if (!FeatureChannels.IsEnvironment(rule.Channel))
                {
                    Collect(monitor, ChannelValueReader.Read(features, rule.Channel, rule.Axis));
                }
            }

            return TransitionCount;
        }

        /// <summary>Feeds the means of a finished environment interval to every environment rule.</summary>
        /// <returns>The number of transitions (see <see cref="Transition"/>).</returns>
        public int UpdateEnvironment(EnvironmentSummary environment)
        {
            TransitionCount = 0;
            for (var i = 0; i < _monitors.Length; i++)
            {
                var monitor = _monitors[i];
                var rule = monitor.Rule;
                if (FeatureChannels.IsEnvironment(rule.Channel))
                {
                    Collect(monitor, ChannelValueReader.Read(environment, rule.Channel));
                }
            }

            return TransitionCount;
        }

        private void Collect(LimitMonitor monitor, float value)
        {
            if (monitor.Update(value))
            {
                _transitions[TransitionCount] = monitor.Transition;
                TransitionCount++;
            }
        }
    }
}
