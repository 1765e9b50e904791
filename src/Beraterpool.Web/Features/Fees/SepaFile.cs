using System.Globalization;
using System.Text;
using System.Xml;

namespace Beraterpool.Web.Features.Fees;

public sealed record SepaDebtor(string Name, string Iban, string? Bic);

public sealed record SepaPayment(string EndToEndId, decimal Amount, string CreditorName, string Iban, string? Bic, string RemittanceInformation);

/// <summary>
/// A SEPA credit-transfer initiation (ISO 20022 pain.001.001.09) for the debtor's bank: one payment information block
/// paying each statement as one transaction. Texts are reduced to the SEPA Latin character set the banks accept
/// (a–z, A–Z, 0–9 and / - ? : ( ) . , ' + space), umlauts spelled out, and cut to the lengths the EPC rules allow.
/// </summary>
public static class SepaFile
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    public static byte[] Build(SepaDebtor debtor, IReadOnlyList<SepaPayment> payments, string messageId, DateTimeOffset createdAt, DateOnly executionDate)
    {
        var sum = payments.Sum(p => p.Amount);
        using var ms = new MemoryStream();
        using (var x = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            x.WriteStartDocument();
            x.WriteStartElement("Document", Namespace);
            x.WriteStartElement("CstmrCdtTrfInitn");

            x.WriteStartElement("GrpHdr");
            x.WriteElementString("MsgId", Id(messageId));
            x.WriteElementString("CreDtTm", createdAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            x.WriteElementString("NbOfTxs", payments.Count.ToString(CultureInfo.InvariantCulture));
            x.WriteElementString("CtrlSum", Amount(sum));
            x.WriteStartElement("InitgPty");
            x.WriteElementString("Nm", Latin(debtor.Name, 70));
            x.WriteEndElement();
            x.WriteEndElement();

            x.WriteStartElement("PmtInf");
            x.WriteElementString("PmtInfId", Id(messageId + "-1"));
            x.WriteElementString("PmtMtd", "TRF");
            x.WriteElementString("NbOfTxs", payments.Count.ToString(CultureInfo.InvariantCulture));
            x.WriteElementString("CtrlSum", Amount(sum));
            x.WriteStartElement("PmtTpInf");
            x.WriteStartElement("SvcLvl");
            x.WriteElementString("Cd", "SEPA");
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteStartElement("ReqdExctnDt");
            x.WriteElementString("Dt", executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            x.WriteEndElement();
            Party(x, "Dbtr", debtor.Name);
            Account(x, "DbtrAcct", debtor.Iban);
            // Without a BIC the bank finds the debtor's agent from the IBAN ("IBAN only").
            Agent(x, "DbtrAgt", debtor.Bic, notProvided: true);
            x.WriteElementString("ChrgBr", "SLEV");
            foreach (var p in payments)
            {
                x.WriteStartElement("CdtTrfTxInf");
                x.WriteStartElement("PmtId");
                x.WriteElementString("EndToEndId", Id(p.EndToEndId));
                x.WriteEndElement();
                x.WriteStartElement("Amt");
                x.WriteStartElement("InstdAmt");
                x.WriteAttributeString("Ccy", "EUR");
                x.WriteString(Amount(p.Amount));
                x.WriteEndElement();
                x.WriteEndElement();
                if (!string.IsNullOrEmpty(p.Bic)) Agent(x, "CdtrAgt", p.Bic, notProvided: false);
                Party(x, "Cdtr", p.CreditorName);
                Account(x, "CdtrAcct", p.Iban);
                x.WriteStartElement("RmtInf");
                x.WriteElementString("Ustrd", Latin(p.RemittanceInformation, 140));
                x.WriteEndElement();
                x.WriteEndElement();
            }
            x.WriteEndElement();

            x.WriteEndElement();
            x.WriteEndElement();
        }
        return ms.ToArray();
    }

    private static void Party(XmlWriter x, string element, string name)
    {
        x.WriteStartElement(element);
        x.WriteElementString("Nm", Latin(name, 70));
        x.WriteEndElement();
    }

    private static void Account(XmlWriter x, string element, string iban)
    {
        x.WriteStartElement(element);
        x.WriteStartElement("Id");
        x.WriteElementString("IBAN", Iban.Normalize(iban));
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Agent(XmlWriter x, string element, string? bic, bool notProvided)
    {
        x.WriteStartElement(element);
        x.WriteStartElement("FinInstnId");
        if (!string.IsNullOrEmpty(bic)) x.WriteElementString("BICFI", bic);
        else if (notProvided)
        {
            x.WriteStartElement("Othr");
            x.WriteElementString("Id", "NOTPROVIDED");
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>References: the SEPA set, at most 35 characters, not starting with "/" and without "//" (EPC rules).</summary>
    private static string Id(string value)
    {
        var id = Latin(value, 35).Replace(" ", "").Replace("//", "/").TrimStart('/');
        return id.Length == 0 ? "NOTPROVIDED" : id;
    }

    private static readonly Dictionary<char, string> Spelled = new()
    {
        ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['Ä'] = "Ae", ['Ö'] = "Oe", ['Ü'] = "Ue", ['ß'] = "ss", ['ẞ'] = "SS",
        ['æ'] = "ae", ['Æ'] = "AE", ['ø'] = "o", ['Ø'] = "O", ['œ'] = "oe", ['Œ'] = "OE", ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D",
        ['ı'] = "i", ['&'] = "+", ['–'] = "-", ['—'] = "-", ['’'] = "'", ['‘'] = "'", ['_'] = "-",
    };

    /// <summary>Text in the SEPA Latin character set: umlauts spelled out, accents dropped, anything else a space; cut to <paramref name="max"/>.</summary>
    public static string Latin(string text, int max)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Spelled.TryGetValue(c, out var spelled)) { sb.Append(spelled); continue; }
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark) continue;
                sb.Append(IsSepa(d) ? d : ' ');
            }
        }
        var result = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return result.Length <= max ? result : result[..max].TrimEnd();
    }

    public static bool IsSepa(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        or '/' or '-' or '?' or ':' or '(' or ')' or '.' or ',' or '\'' or '+' or ' ';
}
