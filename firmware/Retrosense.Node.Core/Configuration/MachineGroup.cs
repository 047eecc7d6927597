namespace Retrosense.Node.Configuration
{
    /// <summary>Machine classes of ISO 10816-3:2009 (superseded by ISO 20816-3:2022, same zone limits).</summary>
    public enum MachineGroup
    {
        /// <summary>Group 1: large machines, rated power 300 kW to 50 MW, or shaft height 315 mm and above.</summary>
        Group1 = 1,

        /// <summary>Group 2: medium machines, rated power 15 kW to 300 kW, or shaft height 160 mm to 315 mm.</summary>
        Group2 = 2,
    }
}
