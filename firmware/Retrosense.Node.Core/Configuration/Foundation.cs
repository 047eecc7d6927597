namespace Retrosense.Node.Configuration
{
    /// <summary>Support of the machine as ISO 10816-3 classifies it: rigid when the lowest natural frequency of machine and support is at least 25 % above the main excitation frequency.</summary>
    public enum Foundation
    {
        Rigid = 0,
        Flexible = 1,
    }
}
