using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rose.Enrichment.Asn;

/// <summary>
/// Reads the CSV files of the npm package <c>@ip-location-db/asn</c> (<c>asn-ipv4.csv</c>, <c>asn-ipv6.csv</c>):
/// <c>range start,range end,asn,organisation</c>, addresses in text form, the organisation quoted when it holds a comma.
/// </summary>
public static class IpLocationDbCsv
{
    public static IEnumerable<AsnRangeRow> Read(TextReader reader, AddressFamily family)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var fields = Split(text);
            if (fields.Count != 4 || !IPAddress.TryParse(fields[0], out var start) || !IPAddress.TryParse(fields[1], out var end)
                || start.AddressFamily != family || end.AddressFamily != family || !uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var asn))
            {
                throw new FormatException($"Line {line} is not 'start,end,asn,organisation' for {family}: {text}");
            }

            yield return new AsnRangeRow(AddressNumbers.Of(start), AddressNumbers.Of(end), asn, fields[3].Trim());
        }
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>(4);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
