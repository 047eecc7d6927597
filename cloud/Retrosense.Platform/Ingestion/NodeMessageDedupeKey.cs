namespace Retrosense.Platform.Ingestion;

/// <summary>
/// What makes a node message unique: at-least-once delivery repeats (node, boot, seq), and a new boot restarts seq
/// (shared/schemas/README.md, header <c>boot</c> and <c>seq</c>).
/// </summary>
public readonly record struct NodeMessageDedupeKey(string Node, long Boot, long Seq)
{
    public override string ToString() => Node + "/" + Boot + "/" + Seq;
}
