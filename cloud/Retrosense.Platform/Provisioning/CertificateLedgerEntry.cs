using System;

namespace Retrosense.Platform.Provisioning;

/// <summary>One certificate a tenant CA issued (the CA's index, like OpenSSL's index.txt): what the CRL is built from.</summary>
public sealed class CertificateLedgerEntry
{
    /// <summary>Upper-case hex serial number.</summary>
    public required string SerialNumber { get; init; }

    public required string CommonName { get; init; }

    public required CertificatePurpose Purpose { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>When the certificate was revoked; null while it is valid.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it was revoked (free text from the operator, or "superseded" when the node was provisioned again).</summary>
    public string? RevocationReason { get; set; }

    /// <summary>True when this revocation is because a newer certificate replaced it (CRL reason code superseded).</summary>
    public bool Superseded { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
