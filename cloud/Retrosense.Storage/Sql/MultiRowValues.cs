using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Retrosense.Storage.Sql;

/// <summary>
/// Multi-row <c>INSERT … VALUES (…), (…)</c> texts with positional parameter names <c>@p0, @p1…</c> (row-major), built
/// once per (statement, row count) and cached, so a batch sends a few statements instead of one per row. Both SQLite
/// (at most 32,766 parameters per statement since 3.32, https://sqlite.org/limits.html) and PostgreSQL (65,535) accept
/// the sizes used here.
/// </summary>
internal static class MultiRowValues
{
    private const int NamedParameterCount = 4096;

    private static readonly string[] ParameterNames = BuildParameterNames();

    private static readonly ConcurrentDictionary<(string Head, int Columns, int Rows, string Tail), string> Texts = new();

    /// <summary>The name of parameter <paramref name="index"/> (row × columns + column).</summary>
    public static string Name(int index) => index < ParameterNames.Length
        ? ParameterNames[index]
        : "@p" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><paramref name="head"/> (up to and including <c>VALUES</c>), the rows of placeholders, then <paramref name="tail"/>.</summary>
    public static string Sql(string head, int columns, int rows, string tail) =>
        Texts.GetOrAdd((head, columns, rows, tail), static key =>
        {
            var text = new StringBuilder(key.Head.Length + key.Tail.Length + (key.Columns * key.Rows * 7));
            text.Append(key.Head).Append(' ');
            for (var row = 0; row < key.Rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < key.Columns; column++)
                {
                    if (column > 0)
                    {
                        text.Append(", ");
                    }

                    text.Append(Name((row * key.Columns) + column));
                }

                text.Append(')');
            }

            return text.Append(' ').Append(key.Tail).ToString();
        });

    private static string[] BuildParameterNames()
    {
        var names = new string[NamedParameterCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = "@p" + i.ToString(CultureInfo.InvariantCulture);
        }

        return names;
    }
}
