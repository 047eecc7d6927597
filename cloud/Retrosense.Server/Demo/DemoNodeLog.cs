using Microsoft.Extensions.Logging;
using Retrosense.Node.Ports;

namespace Retrosense.Server.Demo;

/// <summary>A demo node's log lines in the server's log, tagged with the node id (info at debug level: nodes are chatty).</summary>
internal sealed class DemoNodeLog : INodeLog
{
    private readonly ILogger _logger;
    private readonly string _nodeId;

    public DemoNodeLog(ILogger logger, string nodeId)
    {
        _logger = logger;
        _nodeId = nodeId;
    }

    public void Info(string message) => DemoLog.NodeInfo(_logger, _nodeId, message);

    public void Warning(string message) => DemoLog.NodeWarning(_logger, _nodeId, message);

    public void Error(string message) => DemoLog.NodeError(_logger, _nodeId, message);
}
