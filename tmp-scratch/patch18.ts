import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
(async () => {
  const zip = await JSZip.loadAsync(readFileSync(process.argv[2]));
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  console.log(wbXml.match(/<sheet [^>]*>/g));
  for (const name of Object.keys(zip.files).filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))) {
    const x = await zip.file(name)!.async("string");
    const m = /<c r="H18"[^>]*>.*?<\/c>/.exec(x);
    if (m && x.includes("H18")) console.log(name, m[0]);
    if (name === process.argv[4]) {
      zip.file(name, x.replace(/(<c r="H18"[^>]*>)<v>0\.39<\/v>/, "$1<v>0.42</v>"));
    }
  }
  writeFileSync(process.argv[3], await zip.generateAsync({ type: "uint8array" }));
})();
