using System.Collections.Generic;

namespace Retrosense.Server.Demo;

/// <summary>The seeder's decision and the nodes to run.</summary>
public sealed record DemoSeedOutcome(DemoSeedAction Action, IReadOnlyList<DemoNode> Nodes);
