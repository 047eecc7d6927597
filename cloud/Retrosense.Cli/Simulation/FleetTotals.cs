namespace Retrosense.Cli.Simulation;

/// <summary>What a simulation run did, for the final line or JSON object (all counts over the whole run).</summary>
/// <param name="Nodes">Simulated nodes.</param>
/// <param name="ConnectedNodes">Nodes connected to the broker at the end.</param>
/// <param name="MessagesProduced">Messages the nodes created (each with its own seq; includes last wills registered).</param>
/// <param name="MessagesPublished">Publishes handed to the broker connections (retries of queued messages count again).</param>
/// <param name="MessagesAcknowledged">Publishes the broker acknowledged with PUBACK.</param>
/// <param name="MessagesFailed">Publishes without PUBACK (the node kept the message to send again).</param>
/// <param name="MessagesQueued">Messages still in the nodes' store-and-forward queues at the end.</param>
/// <param name="MessagesDropped">Messages the full queues dropped.</param>
/// <param name="Windows">Acceleration windows the nodes processed.</param>
/// <param name="WindowsDue">Windows the nodes' sample rate made due in the simulated time that passed (Windows falls short when the process cannot keep pace).</param>
/// <param name="SamplesOverrun">Samples lost because a node read its FIFO too late.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds from the first node start to the end.</param>
/// <param name="AchievedMessagesPerSecond">Acknowledged messages per elapsed second.</param>
/// <param name="PublishLatency">Publish→PUBACK percentiles of the acknowledged publishes (null when none was acknowledged).</param>
/// <param name="SteadyMessagesPerSecond">Acknowledged per second over the second half of the run (the sustained rate, without the connect storm); null when some node was not connected then.</param>
internal sealed record FleetTotals(
    int Nodes,
    int ConnectedNodes,
    long MessagesProduced,
    long MessagesPublished,
    long MessagesAcknowledged,
    long MessagesFailed,
    long MessagesQueued,
    long MessagesDropped,
    long Windows,
    long WindowsDue,
    long SamplesOverrun,
    double ElapsedSeconds,
    double AchievedMessagesPerSecond,
    double? SteadyMessagesPerSecond,
    PublishLatencySummary? PublishLatency);
