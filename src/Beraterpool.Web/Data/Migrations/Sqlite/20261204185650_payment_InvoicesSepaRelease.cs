using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class payment_InvoicesSepaRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DebtorBic",
                table: "Pools",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DebtorIban",
                table: "Pools",
                type: "TEXT",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DebtorName",
                table: "Pools",
                type: "TEXT",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FourEyesPayments",
                table: "Pools",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceCity",
                table: "Pools",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoicePostalCode",
                table: "Pools",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceRecipient",
                table: "Pools",
                type: "TEXT",
                maxLength: 140,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceStreet",
                table: "Pools",
                type: "TEXT",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceNumber",
                table: "FeeStatements",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayeeBic",
                table: "FeeStatements",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "FeeStatements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedByUserId",
                table: "FeeStatements",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Bic",
                table: "AdvisorBankDetails",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeeStatements_AdvisorId_InvoiceNumber",
                table: "FeeStatements",
                columns: new[] { "AdvisorId", "InvoiceNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FeeStatements_AdvisorId_InvoiceNumber",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "DebtorBic",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "DebtorIban",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "DebtorName",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "FourEyesPayments",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "InvoiceCity",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "InvoicePostalCode",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "InvoiceRecipient",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "InvoiceStreet",
                table: "Pools");

            migrationBuilder.DropColumn(
                name: "InvoiceNumber",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "PayeeBic",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "ReleasedByUserId",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "Bic",
                table: "AdvisorBankDetails");
        }
    }
}
