using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Beraterpool.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class i10_Seminars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SeminarSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RequiredSeminars = table.Column<int>(type: "INTEGER", nullable: false),
                    LateCounts = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftEarlyCounts = table.Column<bool>(type: "INTEGER", nullable: false),
                    Signatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarSeries_Pools_PoolId",
                        column: x => x.PoolId,
                        principalTable: "Pools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeminarParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdvisorId = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Invited = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarParticipants_Advisors_AdvisorId",
                        column: x => x.AdvisorId,
                        principalTable: "Advisors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeminarParticipants_SeminarSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "SeminarSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Seminars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Trainers = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CalendarUid = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seminars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Seminars_SeminarSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "SeminarSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeminarCertificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttendedSeminars = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarCertificates_SeminarParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "SeminarParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeminarCertificates_SeminarSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "SeminarSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeminarAttendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeminarId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Rsvp = table.Column<int>(type: "INTEGER", nullable: true),
                    RsvpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeminarAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeminarAttendances_SeminarParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "SeminarParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeminarAttendances_Seminars_SeminarId",
                        column: x => x.SeminarId,
                        principalTable: "Seminars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeminarAttendances_ParticipantId",
                table: "SeminarAttendances",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_SeminarAttendances_SeminarId_ParticipantId",
                table: "SeminarAttendances",
                columns: new[] { "SeminarId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarAttendances_TokenHash",
                table: "SeminarAttendances",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarCertificates_Code",
                table: "SeminarCertificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarCertificates_ParticipantId",
                table: "SeminarCertificates",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_SeminarCertificates_SeriesId_ParticipantId",
                table: "SeminarCertificates",
                columns: new[] { "SeriesId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeminarParticipants_AdvisorId",
                table: "SeminarParticipants",
                column: "AdvisorId");

            migrationBuilder.CreateIndex(
                name: "IX_SeminarParticipants_SeriesId_AdvisorId",
                table: "SeminarParticipants",
                columns: new[] { "SeriesId", "AdvisorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Seminars_SeriesId_StartsAt",
                table: "Seminars",
                columns: new[] { "SeriesId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SeminarSeries_PoolId",
                table: "SeminarSeries",
                column: "PoolId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeminarAttendances");

            migrationBuilder.DropTable(
                name: "SeminarCertificates");

            migrationBuilder.DropTable(
                name: "Seminars");

            migrationBuilder.DropTable(
                name: "SeminarParticipants");

            migrationBuilder.DropTable(
                name: "SeminarSeries");
        }
    }
}
