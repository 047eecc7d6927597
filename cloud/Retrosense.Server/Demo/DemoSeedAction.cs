namespace Retrosense.Server.Demo;

/// <summary>What the seeder found and did.</summary>
public enum DemoSeedAction
{
    /// <summary>The store was fresh: the demo tenant was created.</summary>
    Seeded,

    /// <summary>The demo tenant was already there: its active nodes run again with new passwords.</summary>
    Resumed,

    /// <summary>The store holds other data and no demo tenant: nothing was written and no fleet runs.</summary>
    SkippedStoreInUse,
}
