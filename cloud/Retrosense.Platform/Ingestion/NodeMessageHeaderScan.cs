using System.Text.Json;

namespace Retrosense.Platform.Ingestion;

/// <summary>What <see cref="NodeMessageDecoder"/>'s first pass found at the top level of a payload; fields stay default when a field is absent.</summary>
internal sealed class NodeMessageHeaderScan
{
    public RejectReason? Problem { get; set; }

    public bool HasSchema { get; set; }

    public JsonTokenType SchemaToken { get; set; }

    public bool SchemaIsInteger { get; set; }

    public long Schema { get; set; }

    public bool HasKind { get; set; }

    public JsonTokenType KindToken { get; set; }

    public string? Kind { get; set; }

    public bool HasNode { get; set; }

    public JsonTokenType NodeToken { get; set; }

    public string? Node { get; set; }
}
