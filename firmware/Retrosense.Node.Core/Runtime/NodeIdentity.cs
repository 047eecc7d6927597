namespace Retrosense.Node.Runtime
{
    /// <summary>Who a node is: where it is mounted (tenant, site, asset), its id, its board and its firmware version.</summary>
    public sealed class NodeIdentity
    {
        public NodeIdentity(string tenant, string site, string asset, string nodeId, string board, string firmwareVersion)
        {
            Tenant = tenant;
            Site = site;
            Asset = asset;
            NodeId = nodeId;
            Board = board;
            FirmwareVersion = firmwareVersion;
        }

        public string Tenant { get; }

        public string Site { get; }

        public string Asset { get; }

        public string NodeId { get; }

        /// <summary>Board name written in <c>birth</c>: <c>esp32</c>, <c>stm32</c> or <c>linux</c>.</summary>
        public string Board { get; }

        public string FirmwareVersion { get; }
    }
}
