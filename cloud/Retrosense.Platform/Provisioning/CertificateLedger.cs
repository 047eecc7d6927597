using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The list of certificates a tenant CA issued and which of them are revoked, kept as JSON beside the CA
/// (<see cref="FileName"/>). The CRL is rebuilt from it on every change, so the CRL never forgets an earlier revocation.
/// </summary>
public sealed class CertificateLedger
{
    public const string FileName = "issued.json";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly string _path;

    private CertificateLedger(string path, LedgerDocument document)
    {
        _path = path;
        Document = document;
    }

    public IReadOnlyList<CertificateLedgerEntry> Entries => Document.Certificates;

    /// <summary>Number the next CRL carries (RFC 5280 §5.2.3: monotonically increasing per CA).</summary>
    public long NextCrlNumber => Document.NextCrlNumber;

    private LedgerDocument Document { get; }

    public static CertificateLedger Open(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return new CertificateLedger(path, new LedgerDocument());
        }

        var document = JsonSerializer.Deserialize<LedgerDocument>(File.ReadAllText(path), SerializerOptions)
            ?? throw new InvalidDataException($"{path} is empty");
        return new CertificateLedger(path, document);
    }

    public void Add(CertificateLedgerEntry entry) => Document.Certificates.Add(entry);

    /// <summary>Marks every unrevoked certificate with this common name revoked; returns how many were.</summary>
    public int Revoke(string commonName, string reason, DateTimeOffset now, bool superseded)
    {
        var count = 0;
        foreach (var entry in Document.Certificates.Where(entry => !entry.IsRevoked && string.Equals(entry.CommonName, commonName, StringComparison.Ordinal)))
        {
            entry.RevokedAt = now;
            entry.RevocationReason = reason;
            entry.Superseded = superseded;
            count++;
        }

        return count;
    }

    /// <summary>Takes the number for a new CRL and advances the counter.</summary>
    public long TakeCrlNumber() => Document.NextCrlNumber++;

    public void Save() => File.WriteAllText(_path, JsonSerializer.Serialize(Document, SerializerOptions));

    private sealed class LedgerDocument
    {
        public long NextCrlNumber { get; set; } = 1;

        public List<CertificateLedgerEntry> Certificates { get; set; } = [];
    }
}
