using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayeeIbanLast4",
                table: "FeeStatements",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayeeIbanProtected",
                table: "FeeStatements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "FeeStatements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "GrantedByUserId",
                table: "AdvisorConsents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantedVia",
                table: "AdvisorConsents",
                type: "TEXT",
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
