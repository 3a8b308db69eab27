"""ReportLab documents: session sheet, triangle forms, family report, attendance register."""
