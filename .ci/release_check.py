"""Verifies what `mvn -P release -Dgpg.skip install` put into the local Maven repository.

Published artifacts are the BOM and what it lists. For each: the jar, the sources jar and the
javadoc jar (not for the BOM, a POM only) are installed and not empty, and the installed POM is
self-contained and has what Maven Central requires (name, description, url, licenses, developers,
scm). The processor's POM declares no dependency and its jar holds only its own classes, JavaPoet's
among them relocated under io/github/pylonchat/processor/internal/javapoet/ (it names the runtime's
types as text), and no module descriptor or other library's metadata. Every
other module of the build is kept out of the upload (central-publishing-maven-plugin's
excludeArtifacts) and is not installed.
"""
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
GROUP = "io.github.pylonchat"
problems = []


def pom(path):
    return ET.parse(path).getroot()


def text(root, path):
    node = root.find(path, NS)
    return None if node is None or node.text is None else node.text.strip()


repo = pathlib.Path(sys.argv[1])
bom = pom("bom/pom.xml")
version = text(bom, "m:version")
parent_version = text(pom("pom.xml"), "m:version")
if version != parent_version:
    problems.append(f"bom/pom.xml has version {version}, the parent {parent_version}")
published = [text(d, "m:artifactId") for d in bom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS)]
published_poms = {}

modules = {}
for path in [p for p in subprocess.check_output(["git", "ls-files", "pom.xml", "*/pom.xml"], text=True).split() if p.endswith("pom.xml") and pathlib.Path(p).name == "pom.xml"]:
    modules[text(pom(path), "m:artifactId")] = path

root_pom = pom("pom.xml")
excluded = set()
for plugin in root_pom.iter("{%s}plugin" % NS["m"]):
    if text(plugin, "m:artifactId") == "central-publishing-maven-plugin":
        for item in plugin.findall("m:configuration/m:excludeArtifacts/m:excludeArtifact", NS):
            excluded.add(item.text.strip())

for artifact in published + ["pylon-chat-bom"]:
    if artifact not in modules:
        problems.append(f"{artifact} is in the BOM but is no module of the build")
for artifact, path in sorted(modules.items()):
    if artifact in published or artifact == "pylon-chat-bom":
        if artifact in excluded:
            problems.append(f"{artifact} is published (in the BOM) but excluded from the upload")
    elif artifact not in excluded:
        problems.append(f"{artifact} ({path}) is neither in the BOM nor in the release profile's excludeArtifacts")

for artifact in published + ["pylon-chat-bom"]:
    folder = repo / GROUP.replace(".", "/") / artifact / version
    base = folder / f"{artifact}-{version}"
    installed_pom = pathlib.Path(f"{base}.pom")
    if not installed_pom.is_file():
        problems.append(f"{artifact}: no POM installed at {installed_pom}")
        continue
    root = pom(installed_pom)
    packaging = text(root, "m:packaging") or "jar"
    if packaging == "jar":
        for suffix, must_hold in (("", ".class"), ("-sources", ".java"), ("-javadoc", "index.html")):
            jar = pathlib.Path(f"{base}{suffix}.jar")
            if not jar.is_file():
                problems.append(f"{artifact}: {jar.name} is missing")
                continue
            with zipfile.ZipFile(jar) as z:
                if not any(n.endswith(must_hold) for n in z.namelist()):
                    problems.append(f"{artifact}: {jar.name} holds no {must_hold}")
    if root.find("m:parent", NS) is not None:
        problems.append(f"{artifact}: the installed POM still refers to a parent (not flattened)")
    for required in ("m:name", "m:description", "m:url", "m:licenses/m:license/m:name",
                     "m:licenses/m:license/m:url", "m:developers/m:developer/m:name",
                     "m:scm/m:url", "m:scm/m:connection", "m:scm/m:developerConnection"):
        if not text(root, required):
            problems.append(f"{artifact}: the POM has no {required.replace('m:', '')}")
    if artifact == "pylon-chat-processor":
        deps = [text(d, "m:artifactId") for d in root.findall("m:dependencies/m:dependency", NS)]
        if deps:
            problems.append(f"pylon-chat-processor declares dependencies {deps}; it must stand alone")
        with zipfile.ZipFile(f"{base}.jar") as z:
            names = z.namelist()
            if "META-INF/gradle/incremental.annotation.processors" not in names:
                problems.append("pylon-chat-processor: no Gradle incremental-processing descriptor in the jar")
            if "META-INF/services/javax.annotation.processing.Processor" not in names:
                problems.append("pylon-chat-processor: no processor service entry in the jar")
            foreign = [n for n in names if n.endswith(".class")
                       and not n.startswith("io/github/pylonchat/processor/")]
            if foreign:
                problems.append(f"pylon-chat-processor: the jar holds classes of other libraries {foreign[:3]}")
            if not any(n.startswith("io/github/pylonchat/processor/internal/javapoet/") for n in names):
                problems.append("pylon-chat-processor: the jar holds no relocated JavaPoet (the shade plugin did not run)")
            metadata = [n for n in names if n.startswith("META-INF/maven/") and n.endswith("pom.xml")
                        and "/io.github.pylonchat/" not in n]
            if metadata or "module-info.class" in names:
                problems.append(f"pylon-chat-processor: the jar holds another library's metadata {metadata[:3]}")
    print(f"  {artifact}: {packaging}, POM complete" if not any(p.startswith(artifact + ":") for p in problems)
          else f"  {artifact}: see below")

for artifact in modules:
    if artifact not in published and artifact not in ("pylon-chat-bom", "pylon-chat-parent"):
        if (repo / GROUP.replace(".", "/") / artifact / version).is_dir():
            problems.append(f"{artifact} is not published but was installed (set maven.install.skip)")

if problems:
    print("release-check: FAILED", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"release-check: {len(published) + 1} published artifacts complete ({', '.join(published)}, pylon-chat-bom)")
