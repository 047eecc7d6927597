using System;

namespace Retrosense.Node.Nano.Messaging
{
    /// <summary>
    /// Delay before the next broker (re)connect attempt: 1 s, doubling after each failure up to 2 min, each delay drawn
    /// uniformly from [50 %, 100 %] of its step ("equal jitter") so a site full of nodes that lost the broker together
    /// do not all come back in the same second.
    /// </summary>
    /// <remarks>
    /// Equal jitter keeps at least half the step (a failing broker is not hammered) while spreading the rest; see
    /// M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015. Pure arithmetic over
    /// <see cref="Random"/>, so it also runs (and is tested) on .NET.
    /// </remarks>
    public sealed class ReconnectBackoff
    {
        /// <summary>First delay step: 1 s.</summary>
        public const int InitialDelayMilliseconds = 1000;

        /// <summary>Largest delay step: 2 min.</summary>
        public const int MaximumDelayMilliseconds = 120000;

        private readonly Random _random;
        private int _stepMilliseconds = InitialDelayMilliseconds;

        /// <summary>Uses <paramref name="random"/> for the jitter (seed it from something unique per node, e.g. its id).</summary>
        public ReconnectBackoff(Random random)
        {
            _random = random;
        }

        /// <summary>The step the next delay is drawn from (before jitter).</summary>
        public int CurrentStepMilliseconds
        {
            get { return _stepMilliseconds; }
        }

        /// <summary>Delay to wait after a failed attempt; the following one doubles, up to the cap.</summary>
        public int NextDelayMilliseconds()
        {
            int step = _stepMilliseconds;
            int half = step / 2;
            int delay = half + _random.Next(step - half + 1);
            _stepMilliseconds = step >= MaximumDelayMilliseconds / 2 ? MaximumDelayMilliseconds : step * 2;
            return delay;
        }

        /// <summary>After a successful connect: the next outage starts again at 1 s.</summary>
        public void Reset()
        {
            _stepMilliseconds = InitialDelayMilliseconds;
        }
    }
}
