using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Postgres
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
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DebtorIban",
                table: "Pools",
                type: "character varying(34)",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DebtorName",
                table: "Pools",
                type: "character varying(70)",
                maxLength: 70,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FourEyesPayments",
                table: "Pools",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceCity",
                table: "Pools",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoicePostalCode",
                table: "Pools",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceRecipient",
                table: "Pools",
                type: "character varying(140)",
                maxLength: 140,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceStreet",
                table: "Pools",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvoiceNumber",
                table: "FeeStatements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayeeBic",
                table: "FeeStatements",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReleasedAt",
                table: "FeeStatements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedByUserId",
                table: "FeeStatements",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Bic",
                table: "AdvisorBankDetails",
                type: "character varying(11)",
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
