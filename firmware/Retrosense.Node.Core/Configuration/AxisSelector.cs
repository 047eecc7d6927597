namespace Retrosense.Node.Configuration
{
    /// <summary>Which axis a vibration limit watches. Environment limits ignore it.</summary>
    public enum AxisSelector
    {
        /// <summary>The largest value of the three axes.</summary>
        Max = 0,
        X = 1,
        Y = 2,
        Z = 3,
    }
}
