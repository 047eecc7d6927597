namespace Retrosense.Recordings.Mat;

/// <summary>
/// One variable found in a MAT-file: either its data, or why it cannot be read (complex, sparse, char, …).
/// Unreadable variables are remembered so a request for one by name says why, instead of "not found".
/// </summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Variable">The data, or null when unsupported or when only another variable was asked for.</param>
/// <param name="UnsupportedReason">Why it cannot be read ("complex", "sparse", …), or null when it can.</param>
internal sealed record MatEntry(string Name, MatVariable? Variable, string? UnsupportedReason);
