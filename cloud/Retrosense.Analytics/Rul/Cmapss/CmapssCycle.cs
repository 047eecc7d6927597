namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>One operating cycle of one C-MAPSS engine: one line of a train or test file.</summary>
/// <param name="Cycle">Time in cycles, 1 … N (column 2).</param>
/// <param name="Settings">The three operational settings (columns 3–5): altitude (kft), Mach number, throttle resolver angle (°).</param>
/// <param name="Sensors">The 21 sensor measurements s1 … s21 (columns 6–26); index 0 is s1.</param>
public sealed record CmapssCycle(int Cycle, double[] Settings, double[] Sensors)
{
    public const int SettingCount = 3;

    public const int SensorCount = 21;

    /// <summary>unit, cycle, 3 settings, 21 sensors.</summary>
    public const int ColumnCount = 2 + SettingCount + SensorCount;
}
