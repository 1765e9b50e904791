using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DutiesAndPayee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PayeeAccountHolder",
                table: "FeeStatements",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayeeIbanLast4",
                table: "FeeStatements",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayeeIbanProtected",
                table: "FeeStatements",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "FeeStatements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "GrantedByUserId",
                table: "AdvisorConsents",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantedVia",
                table: "AdvisorConsents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PayeeAccountHolder",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "PayeeIbanLast4",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "PayeeIbanProtected",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "FeeStatements");

            migrationBuilder.DropColumn(
                name: "GrantedByUserId",
                table: "AdvisorConsents");

            migrationBuilder.DropColumn(
                name: "GrantedVia",
                table: "AdvisorConsents");
        }
    }
}
