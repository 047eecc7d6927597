namespace Retrosense.Node.Thresholds
{
    /// <summary>Evaluation zones of ISO 10816-3 / ISO 20816-3.</summary>
    public enum IsoZone
    {
        /// <summary>Newly commissioned machines.</summary>
        A = 0,

        /// <summary>Acceptable for unrestricted long-term operation.</summary>
        B = 1,

        /// <summary>Unsatisfactory for long-term continuous operation; run for a limited period until a remedy.</summary>
        C = 2,

        /// <summary>Severe enough to cause damage.</summary>
        D = 3,
    }
}
