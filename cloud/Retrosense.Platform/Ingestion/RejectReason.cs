namespace Retrosense.Platform.Ingestion;

/// <summary>Why a node message was rejected: a <see cref="RejectCode"/> and a sentence naming the field and the problem.</summary>
/// <param name="Code">One of <see cref="RejectCode"/>.</param>
/// <param name="Message">For people: which field, what is wrong, what was expected.</param>
public sealed record RejectReason(string Code, string Message)
{
    public override string ToString() => Code + ": " + Message;
}
