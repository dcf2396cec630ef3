using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GonPortal.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HourEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ArrangementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Product = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReportedByProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubcontractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversesEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ArrangementId_ServiceDate",
                table: "HourEntries",
                columns: new[] { "ArrangementId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ClientId_ServiceDate",
                table: "HourEntries",
                columns: new[] { "ClientId", "ServiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ReportedByProviderId_EntryKey",
                table: "HourEntries",
                columns: new[] { "ReportedByProviderId", "EntryKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_ReversesEntryId",
                table: "HourEntries",
                column: "ReversesEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_HourEntries_TenantId_Status_ServiceDate",
                table: "HourEntries",
                columns: new[] { "TenantId", "Status", "ServiceDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HourEntries");
        }
    }
}
