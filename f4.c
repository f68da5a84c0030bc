load 5.132213592529297
==================== CONV 0
>>> USER: 'what is this?'  [photo ['Ruby', 'ruby_3.jpg']]
ruby_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.718 SR, SG 3.60'
**Spinel** (94%); next: Synthetic Spinel (Verneuil) (3%)
_Using only RI 1.718; SG 3.60; singly refractive._
CANDS: [('Spinel', 0.938), ('Synthetic Spinel (Verneuil)', 0.029), ('Kyanite', 0.016), ('Garnet (Hydrogrossular)', 0.008), ('Rhodonite', 0.004)]
>>> USER: 'why?'
Spinel fits what you told me best (94%); next comes Synthetic Spinel (Verneuil) (3%).
**Spinel** (94%); next: Synthetic Spinel (Verneuil) (3%)
_Using only RI 1.718; SG 3.60; singly refractive._
CANDS: [('Spinel', 0.938), ('Synthetic Spinel (Verneuil)', 0.029), ('Kyanite', 0.016), ('Garnet (Hydrogrossular)', 0.008), ('Rhodonite', 0.004)]
>>> USER: 'what else could it be?'
After Spinel (94%): Synthetic Spinel (Verneuil) (3%), Kyanite (2%), Garnet (Hydrogrossular) (1%).
**Spinel** (94%); next: Synthetic Spinel (Verneuil) (3%)
_Using only RI 1.718; SG 3.60; singly refractive._
CANDS: [('Spinel', 0.938), ('Synthetic Spinel (Verneuil)', 0.029), ('Kyanite', 0.016), ('Garnet (Hydrogrossular)', 0.008), ('Rhodonite', 0.004)]
>>> USER: 'what test next?'
Your readings fit Spinel. What is left is Synthetic Spinel (Verneuil) (3%). Spinel and Synthetic Spinel (Verneuil) have constants too close for a refractometer or balance to separate them reliably: inclusions under magnification (Synthetic Spinel (Verneuil): gas bubbles) or a gem laboratory decide.
**Spinel** (94%); next: Synthetic Spinel (Verneuil) (3%)
_Using only RI 1.718; SG 3.60; singly refractive._
CANDS: [('Spinel', 0.938), ('Synthetic Spinel (Verneuil)', 0.029), ('Kyanite', 0.016), ('Garnet (Hydrogrossular)', 0.008), ('Rhodonite', 0.004)]
>>> USER: 'is it natural?'
Nothing you have told me points to an imitation; a lab-grown spinel would share the natural constants, so magnification or a gem laboratory settles it.
**Spinel** (94%); next: Synthetic Spinel (Verneuil) (3%)
_Using only RI 1.718; SG 3.60; singly refractive._
CANDS: [('Spinel', 0.938), ('Synthetic Spinel (Verneuil)', 0.029), ('Kyanite', 0.016), ('Garnet (Hydrogrossular)', 0.008), ('Rhodonite', 0.004)]
==================== CONV 1
>>> USER: 'what is this?'  [photo ['Ruby', 'ruby_5.jpg']]
ruby_5.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.762-1.770, SG 4.00, dichroic'
**Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)** (>99%); next: Garnet (Garnet Red) (<1%)
_Using only RI 1.762–1.770; birefringence 0.008; SG 4.00; pleochroic._
CANDS: [('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 1.0), ('Garnet (Garnet Red)', 0.0), ('Celestine', 0.0), ('Staurolite', 0.0), ('Rhodolite', 0.0)]
>>> USER: 'is it treated?'
Whether this stone was treated shows neither in a photo nor in the usual readings: a gem laboratory decides, from its inclusions, spectrum and fluorescence. Treatments: heat treatment; glass filling; flux healing.
**Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)** (>99%); next: Garnet (Garnet Red) (<1%)
_Using only RI 1.762–1.770; birefringence 0.008; SG 4.00; pleochroic._
CANDS: [('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 1.0), ('Garnet (Garnet Red)', 0.0), ('Celestine', 0.0), ('Staurolite', 0.0), ('Rhodolite', 0.0)]
>>> USER: 'is it natural?'
Possibly Flux-Grown Sapphire (lab-grown): your readings fit it as well as Ruby. To confirm: fluorescence (long-wave UV lamp): Flux-Grown Sapphire inert, Ruby red.
**Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)** (>99%); next: Garnet (Garnet Red) (<1%)
_Using only RI 1.762–1.770; birefringence 0.008; SG 4.00; pleochroic._
CANDS: [('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 1.0), ('Garnet (Garnet Red)', 0.0), ('Celestine', 0.0), ('Staurolite', 0.0), ('Rhodolite', 0.0)]
>>> USER: 'what test next?'
No further test is needed to name it Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …).
**Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)** (>99%); next: Garnet (Garnet Red) (<1%)
_Using only RI 1.762–1.770; birefringence 0.008; SG 4.00; pleochroic._
CANDS: [('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 1.0), ('Garnet (Garnet Red)', 0.0), ('Celestine', 0.0), ('Staurolite', 0.0), ('Rhodolite', 0.0)]
==================== CONV 2
>>> USER: 'what gem?'  [photo ['Emerald', 'emerald_4.jpg']]
emerald_4.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.52 SR, SG 2.50, bubbles'
**Glass (Paste)** (85%); next: Slocum Stone (5%)
_Using only RI 1.520; SG 2.50; singly refractive; gas bubbles._
**Caution:** possibly glass (Glass (Paste)): your readings fit it. To confirm: a gem laboratory.
CANDS: [('Glass (Paste)', 0.845), ('Slocum Stone', 0.05), ('Chrysocolla', 0.034), ('French Jet (Black Glass)', 0.033), ('Orthoclase (Sanidine)', 0.016)]
>>> USER: 'why?'
Glass (Paste) fits what you told me best (85%); next comes Slocum Stone (5%).
**Glass (Paste)** (85%); next: Slocum Stone (5%)
_Using only RI 1.520; SG 2.50; singly refractive; gas bubbles._
**Caution:** possibly glass (Glass (Paste)): your readings fit it. To confirm: a gem laboratory.
CANDS: [('Glass (Paste)', 0.845), ('Slocum Stone', 0.05), ('Chrysocolla', 0.034), ('French Jet (Black Glass)', 0.033), ('Orthoclase (Sanidine)', 0.016)]
>>> USER: "so it's not emerald?"
Emerald: <1% (rank 145 of 192).
**Glass (Paste)** (85%); next: Slocum Stone (5%)
_Using only RI 1.520; SG 2.50; singly refractive; gas bubbles._
**Caution:** possibly glass (Glass (Paste)): your readings fit it. To confirm: a gem laboratory.
CANDS: [('Glass (Paste)', 0.845), ('Slocum Stone', 0.05), ('Chrysocolla', 0.034), ('French Jet (Black Glass)', 0.033), ('Orthoclase (Sanidine)', 0.016)]
==================== CONV 3
>>> USER: 'what gem?'  [photo ['Emerald', 'emerald_7.jpg']]
**Emerald** (91%); next: Flux-Grown Emerald (2%)
CANDS: [('Emerald', 0.915), ('Flux-Grown Emerald', 0.019), ('Hydrothermal Emerald', 0.019), ('Lechleitner Emerald (Overgrowth)', 0.019), ('Soudé Emerald', 0.019)]
>>> USER: 'RI 1.577-1.583, SG 2.71, Chelsea red'
**Emerald** (99%); next: Soudé Emerald (<1%)
_Using your photo and RI 1.577–1.583; birefringence 0.006; SG 2.71; red under the Chelsea filter._
CANDS: [('Emerald', 0.994), ('Soudé Emerald', 0.002), ('Lechleitner Emerald (Overgrowth)', 0.002), ('Hydrothermal Emerald', 0.002), ('Beryl', 0.0)]
>>> USER: 'is it oiled?'
Whether this stone was treated shows neither in a photo nor in the usual readings: a gem laboratory decides, from its inclusions, spectrum and fluorescence. Treatments: oiling; resin filling; surface coating.
**Emerald** (99%); next: Soudé Emerald (<1%)
_Using your photo and RI 1.577–1.583; birefringence 0.006; SG 2.71; red under the Chelsea filter._
CANDS: [('Emerald', 0.994), ('Soudé Emerald', 0.002), ('Lechleitner Emerald (Overgrowth)', 0.002), ('Hydrothermal Emerald', 0.002), ('Beryl', 0.0)]
>>> USER: 'where is it from?'
Where a stone was mined shows neither in a photo nor in the usual readings: a gem laboratory decides origin, from its inclusions and trace elements. Emerald is mined chiefly in Colombia, Zambia, Brazil and Ethiopia.
**Emerald** (99%); next: Soudé Emerald (<1%)
_Using your photo and RI 1.577–1.583; birefringence 0.006; SG 2.71; red under the Chelsea filter._
CANDS: [('Emerald', 0.994), ('Soudé Emerald', 0.002), ('Lechleitner Emerald (Overgrowth)', 0.002), ('Hydrothermal Emerald', 0.002), ('Beryl', 0.0)]
==================== CONV 4
>>> USER: 'identify'  [photo ['Diamond', 'diamond_2.jpg']]
**Diamond** (88%); next: Cubic Zirconia (2%)
CANDS: [('Diamond', 0.883), ('Cubic Zirconia', 0.019), ('CVD Diamond', 0.019), ('HPHT Diamond', 0.019), ('Moissanite', 0.019)]
>>> USER: 'SG 3.52, RI over the limit, SR'
**Diamond** (96%); next: CVD Diamond (2%)
_Using your photo and RI above 1.790; SG 3.52; singly refractive._
CANDS: [('Diamond', 0.959), ('CVD Diamond', 0.02), ('HPHT Diamond', 0.02), ('YAG (Yttrium Aluminium Garnet)', 0.0), ('Sphene', 0.0)]
>>> USER: 'is it natural?'
Nothing you have told me points to an imitation; a lab-grown diamond would share the natural constants, so magnification or a gem laboratory settles it.
**Diamond** (96%); next: CVD Diamond (2%)
_Using your photo and RI above 1.790; SG 3.52; singly refractive._
CANDS: [('Diamond', 0.959), ('CVD Diamond', 0.02), ('HPHT Diamond', 0.02), ('YAG (Yttrium Aluminium Garnet)', 0.0), ('Sphene', 0.0)]
>>> USER: "how do I check if it's lab-grown?"
Nothing you have told me points to an imitation; a lab-grown diamond would share the natural constants, so magnification or a gem laboratory settles it.
**Diamond** (96%); next: CVD Diamond (2%)
_Using your photo and RI above 1.790; SG 3.52; singly refractive._
CANDS: [('Diamond', 0.959), ('CVD Diamond', 0.02), ('HPHT Diamond', 0.02), ('YAG (Yttrium Aluminium Garnet)', 0.0), ('Sphene', 0.0)]
==================== CONV 5
>>> USER: 'identify'  [photo ['Diamond', 'diamond_6.jpg']]
**Diamond** (88%); next: Cubic Zirconia (2%)
CANDS: [('Diamond', 0.883), ('Cubic Zirconia', 0.019), ('CVD Diamond', 0.019), ('HPHT Diamond', 0.019), ('Moissanite', 0.019)]
>>> USER: 'SG 3.22, doubling of back facets'
**Moissanite** (97%); next: Apatite (<1%)
_Using your photo and SG 3.22; doubly refractive._
**Why:** SG 3.22 rules out Diamond (3.52).
**Caution:** possibly Moissanite (a simulant): your readings fit it, not Diamond, which it imitates. To confirm: doubling of the back facet edges (10x loupe): Moissanite seen, Diamond none.
_Note: the photo looks like Diamond, which Moissanite imitates; your readings tell them apart._
CANDS: [('Moissanite', 0.969), ('Apatite', 0.003), ('Glass (Paste)', 0.003), ('Enstatite', 0.003), ('Diamond', 0.002)]
>>> USER: 'what else could it be?'
Nothing else comes close to Moissanite (97%).
**Moissanite** (97%); next: Apatite (<1%)
_Using your photo and SG 3.22; doubly refractive._
**Caution:** possibly Moissanite (a simulant): your readings fit it, not Diamond, which it imitates. To confirm: doubling of the back facet edges (10x loupe): Moissanite seen, Diamond none.
_Note: the photo looks like Diamond, which Moissanite imitates; your readings tell them apart._
CANDS: [('Moissanite', 0.969), ('Apatite', 0.003), ('Glass (Paste)', 0.003), ('Enstatite', 0.003), ('Diamond', 0.002)]
==================== CONV 6
>>> USER: 'what is it'  [photo ['Sapphire Blue', 'sapphire blue_2.jpg']]
**Sapphire Blue** (99%); next: Aquamarine (<1%)
CANDS: [('Sapphire Blue', 0.994), ('Aquamarine', 0.001), ('Iolite', 0.001), ('Azurite', 0.0), ('Maxixe-type Beryl', 0.0)]
>>> USER: 'RI 1.691-1.700, SG 3.35, trichroic blue/violet/brown'
**Tanzanite** (74%); next: Zoisite (18%)
_Using your photo and RI 1.691–1.700; birefringence 0.009; SG 3.35; doubly refractive, biaxial; pleochroic._
**Why:** RI 1.691–1.700 rules out Sapphire Blue (1.762–1.770); SG 3.35 rules out Sapphire Blue (3.97–4.05).
_Note: the photo looks most like Sapphire Blue, but photos alone do not separate Sapphire Blue from Tanzanite (10% of their photos were taken for the other when this model was cross-validated); your readings settle it._
CANDS: [('Tanzanite', 0.745), ('Zoisite', 0.183), ('Bronzite', 0.054), ('Diopside', 0.007), ('Chrome Diopside', 0.006)]
>>> USER: 'why not sapphire?'
Sapphire: <1% (rank 55 of 192).
**Tanzanite** (74%); next: Zoisite (18%)
_Using your photo and RI 1.691–1.700; birefringence 0.009; SG 3.35; doubly refractive, biaxial; pleochroic._
**Why:** RI 1.691–1.700 rules out Sapphire Blue (1.762–1.770); SG 3.35 rules out Sapphire Blue (3.97–4.05).
_Note: the photo looks most like Sapphire Blue, but photos alone do not separate Sapphire Blue from Tanzanite (10% of their photos were taken for the other when this model was cross-validated); your readings settle it._
CANDS: [('Tanzanite', 0.745), ('Zoisite', 0.183), ('Bronzite', 0.054), ('Diopside', 0.007), ('Chrome Diopside', 0.006)]
==================== CONV 7
>>> USER: 'what is it'  [photo ['Jade', 'jade_3.jpg']]
jade_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.66, SG 3.33, aggregate'
**Jade (Jadeite)** (87%); next: Peridot (5%)
_Using only RI 1.660; SG 3.33; aggregate (stays light in the polariscope)._
CANDS: [('Jade (Jadeite)', 0.866), ('Peridot', 0.046), ('Maw-Sit-Sit', 0.039), ('Enstatite (Bronzite)', 0.018), ('Dumortierite', 0.014)]
>>> USER: 'jadeite or nephrite?'
Jadeite: 50% (rank 1 of 192); Nephrite: <1% (rank 66 of 192).
**Jade (Jadeite)** (87%); next: Peridot (5%)
_Using only RI 1.660; SG 3.33; aggregate (stays light in the polariscope)._
CANDS: [('Jade (Jadeite)', 0.866), ('Peridot', 0.046), ('Maw-Sit-Sit', 0.039), ('Enstatite (Bronzite)', 0.018), ('Dumortierite', 0.014)]
>>> USER: 'is it treated?'
Whether this stone was treated shows neither in a photo nor in the usual readings: a gem laboratory decides, from its inclusions, spectrum and fluorescence. Treatments: polymer impregnation (B jade); dyeing (C jade); wax treatment (traditional).
**Jade (Jadeite)** (87%); next: Peridot (5%)
_Using only RI 1.660; SG 3.33; aggregate (stays light in the polariscope)._
CANDS: [('Jade (Jadeite)', 0.866), ('Peridot', 0.046), ('Maw-Sit-Sit', 0.039), ('Enstatite (Bronzite)', 0.018), ('Dumortierite', 0.014)]
==================== CONV 8
>>> USER: 'what is it'  [photo ['Jade', 'jade_5.jpg']]
**Jade** (97%); next: Chrome Diopside (<1%)
CANDS: [('Jade', 0.972), ('Chrome Diopside', 0.005), ('Andradite', 0.002), ('Aventurine Green', 0.001), ('Prehnite', 0.001)]
>>> USER: 'RI 1.61, SG 2.95'
**Jade** (>99%); next: French Jet (Black Glass) (<1%)
_Using your photo and RI 1.610; SG 2.95._
CANDS: [('Jade', 0.997), ('French Jet (Black Glass)', 0.001), ('Glass (Paste)', 0.0), ('Nephrite', 0.0), ('Prehnite', 0.0)]
>>> USER: 'jadeite or nephrite?'
Jade (>99%) is jadeite or nephrite: the RI and SG tell which.
**Jade** (>99%); next: French Jet (Black Glass) (<1%)
_Using your photo and RI 1.610; SG 2.95._
CANDS: [('Jade', 0.997), ('French Jet (Black Glass)', 0.001), ('Glass (Paste)', 0.0), ('Nephrite', 0.0), ('Prehnite', 0.0)]
==================== CONV 9
>>> USER: 'what is it'  [photo ['Peridot', 'peridot_2.jpg']]
**Peridot** (99%); next: Andradite (<1%)
CANDS: [('Peridot', 0.99), ('Andradite', 0.003), ('Grossular', 0.001), ('Aventurine Green', 0.0), ('Chrome Diopside', 0.0)]
>>> USER: 'RI 1.654-1.690, DR 0.036, SG 3.34'
**Peridot** (>99%); next: Chrome Diopside (<1%)
_Using your photo and RI 1.654–1.690; birefringence 0.036; SG 3.34._
CANDS: [('Peridot', 1.0), ('Chrome Diopside', 0.0), ('Jadeite', 0.0), ('Glass (Paste)', 0.0), ('Maw-Sit-Sit', 0.0)]
>>> USER: 'what else could it be?'
Nothing else comes close to Peridot (>99%).
**Peridot** (>99%); next: Chrome Diopside (<1%)
_Using your photo and RI 1.654–1.690; birefringence 0.036; SG 3.34._
CANDS: [('Peridot', 1.0), ('Chrome Diopside', 0.0), ('Jadeite', 0.0), ('Glass (Paste)', 0.0), ('Maw-Sit-Sit', 0.0)]
>>> USER: "where's it from?"
Where a stone was mined shows neither in a photo nor in the usual readings: a gem laboratory decides origin, from its inclusions and trace elements. Peridot is mined chiefly in Myanmar, Pakistan, China and Arizona (USA).
**Peridot** (>99%); next: Chrome Diopside (<1%)
_Using your photo and RI 1.654–1.690; birefringence 0.036; SG 3.34._
CANDS: [('Peridot', 1.0), ('Chrome Diopside', 0.0), ('Jadeite', 0.0), ('Glass (Paste)', 0.0), ('Maw-Sit-Sit', 0.0)]
==================== CONV 10
>>> USER: 'what is it'  [photo ['Tanzanite', 'tanzanite_3.jpg']]
tanzanite_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.762-1.770, SG 4.00'
**Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)** (>99%); next: Garnet (Garnet Red) (<1%)
_Using only RI 1.762–1.770; birefringence 0.008; SG 4.00._
CANDS: [('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 1.0), ('Garnet (Garnet Red)', 0.0), ('Rhodolite', 0.0), ('Celestine', 0.0), ('Staurolite', 0.0)]
>>> USER: 'so which is it?'
**Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)** (>99%); next: Garnet (Garnet Red) (<1%)
_Using only RI 1.762–1.770; birefringence 0.008; SG 4.00._
CANDS: [('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 1.0), ('Garnet (Garnet Red)', 0.0), ('Rhodolite', 0.0), ('Celestine', 0.0), ('Staurolite', 0.0)]
==================== CONV 11
>>> USER: 'what is it'  [photo ['Aquamarine', 'aquamarine_5.jpg']]
aquamarine_5.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.61-1.62, SG 3.56, biaxial positive'
**Topaz** (>99%); next: Rhodonite (<1%)
_Using only RI 1.610–1.620; birefringence 0.010; SG 3.56; doubly refractive, biaxial; optically positive._
**Why:** RI 1.610–1.620 rules out Rhodonite (1.711–1.751); SG 3.56 rules out Celestine (3.95–3.97).
CANDS: [('Topaz', 0.999), ('Rhodonite', 0.0), ('Celestine', 0.0), ('Kyanite', 0.0), ('Augite', 0.0)]
==================== CONV 12
>>> USER: 'what is it'  [photo ['Spinel', 'spinel_4.jpg']]
**Spinel** (96%); next: Synthetic Spinel (Verneuil) (2%)
CANDS: [('Spinel', 0.964), ('Synthetic Spinel (Verneuil)', 0.02), ('Onyx Black', 0.0), ('Glass (Paste)', 0.0), ('Plastic', 0.0)]
>>> USER: 'RI 1.762-1.770, dichroic'
**I'm not sure.** My best guess is **Sapphire Pink** (11%), but it could also be Sapphire Purple (10%), Ruby (10%).
_Using your photo and RI 1.762–1.770; birefringence 0.008; pleochroic._
**Why:** RI 1.762–1.770 rules out Spinel (1.712–1.720).
**Next test:** no standard test reliably separates Sapphire Pink and Sapphire Purple; colour, inclusions under magnification or a laboratory report decide.
_Note: I'm not sure because the photo looks most like Spinel (>99%), but RI 1.762–1.770 rules out Spinel (1.712–1.720). The readings point to Sapphire Pink instead: check the photo and the readings._
CANDS: [('Sapphire Pink', 0.107), ('Sapphire Purple', 0.105), ('Ruby', 0.1), ('Padparadscha Sapphire', 0.099), ('Sapphire Blue', 0.091)]
>>> USER: "sorry, it's SR and RI 1.718"
**I'm not sure**, though the evidence puts **Spinel** at 99%; then Synthetic Spinel (Verneuil) (<1%), Kyanite (<1%).
_Using your photo and RI 1.718; singly refractive; pleochroic._
_Note: I'm not sure because the dichroscope (pleochroic) argues against Spinel (none), though the rest of the evidence still points to Spinel. Look through the dichroscope in several directions: along the optic axis there is no pleochroism._
CANDS: [('Spinel', 0.995), ('Synthetic Spinel (Verneuil)', 0.005), ('Kyanite', 0.0), ('Hydrogrossular', 0.0), ('Dumortierite', 0.0)]
==================== CONV 13
>>> USER: 'what is it'  [photo ['Opal', 'opal_5.jpg']]
opal_5.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.45, SG 2.10'
**Opal** (67%); next: Gilson Opal (18%)
_Using only RI 1.450; SG 2.10._
**Caution:** possibly Gilson Opal (lab-grown): your readings fit it as well as Opal. To confirm: magnification or a gem laboratory (lizard skin or chicken wire pattern under magnification).
**Next test:** no standard test reliably separates Opal and Gilson Opal; colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Opal', 0.673), ('Gilson Opal', 0.175), ('Opal Doublet', 0.074), ('Opal Triplet', 0.074), ('Chrysocolla', 0.003)]
>>> USER: 'is it natural or Gilson?'
Possibly Gilson Opal (lab-grown): your readings fit it as well as Opal. To confirm: magnification or a gem laboratory (lizard skin or chicken wire pattern under magnification).
**Opal** (67%); next: Gilson Opal (18%)
_Using only RI 1.450; SG 2.10._
**Next test:** no standard test reliably separates Opal and Gilson Opal; colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Opal', 0.673), ('Gilson Opal', 0.175), ('Opal Doublet', 0.074), ('Opal Triplet', 0.074), ('Chrysocolla', 0.003)]
>>> USER: 'how do I look after it?'
**Caring for Opal**: Cleaning — ultrasonic cleaner: never; steam: never; warm soapy water: safe. Hardness 5 to 6.5; toughness very poor to fair, so it scratches and breaks easily. GIA: warm soapy water is the only safe way to clean it. Doublets and triplets must not be soaked, because water can weaken the glue and fog the layers. High heat or sudden temperature changes can fracture opal; drying out causes crazing (fine cracks) and loss of play-of-colour. Generally stable, but heat from intense l
_Note: sources (Opal): GIA: toughness very poor to fair; heat from intense light can cause crazing; high heat or sudden temperature change can fracture it; attacked by hydrofluoric acid and caustic alkalis; may be oil/wax/plastic impregnated or sugar/smoke treated; warm soapy water is the only safe cleaning <https://www.gia.edu/opal-care-cleaning>; Stuller bench chart: Opal (All) ultrasonic 'Never', steam 'Never' <https://stuller.com/benchjeweler/resources/bencharticles/view/to-steam-or-not-to-s
==================== CONV 14
>>> USER: 'what is it'  [photo ['Pearl', 'pearl_4.jpg']]
**Pearl** (99%); next: Onyx Black (<1%)
CANDS: [('Pearl', 0.992), ('Onyx Black', 0.0), ('Moonstone', 0.0), ('Glass (Paste)', 0.0), ('Plastic', 0.0)]
>>> USER: 'feels gritty on the teeth'
The tooth test is a fair screen for pearls: nacre, natural or cultured, feels gritty rubbed gently across the front teeth, while an imitation (a glass or plastic bead coated with pearl essence) feels glassy-smooth. It cannot tell a natural pearl from a cultured one: that takes X-rays at a laboratory.
**Pearl** (>99%); next: Glass (Paste) (<1%)
_Using your photo and gritty on the teeth._
_Note: source (the tooth test): Zippy Facts, the tooth test: natural and cultured pearls feel gritty on the front teeth, imitations glassy- or plastic-smooth; capped teeth deaden the feel <https://zippyfacts.com/how-do-you-tell-real-pearls-from-imitation-pearls-by-rubbing-them-on-your-teeth>; Purchasing Original, How can we test real pearl: gritty or sandy means real, smooth means not; natural or cultured takes an X-ray <https://purchasingoriginal.blogspot.com/2008/12>_
CANDS: [('Pearl', 0.998), ('Glass (Paste)', 0.001), ('Plastic', 0.001), ('French Jet (Black Glass)', 0.0), ('Garnet-Topped Doublet', 0.0)]
>>> USER: 'is it natural or cultured?'
Natural or cultured is a gem laboratory's call: X-radiography shows a bead nucleus (cultured) or concentric growth (natural). Against an imitation: nacre of overlapping aragonite platelets feels gritty when rubbed gently against the teeth; imitations feel smooth.
**Pearl** (>99%); next: Glass (Paste) (<1%)
_Using your photo and gritty on the teeth._
CANDS: [('Pearl', 0.998), ('Glass (Paste)', 0.001), ('Plastic', 0.001), ('French Jet (Black Glass)', 0.0), ('Garnet-Topped Doublet', 0.0)]
==================== CONV 15
>>> USER: 'what is it'  [photo ['Amber', 'amber_3.jpg']]
amber_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'it floats in salt water, SG 1.08'
**Amber** (54%); next: Ambroid (Pressed Amber) or Copal (Amber Simulant) (31%)
_Using only SG 1.08._
**Caution:** possibly Ambroid (Pressed Amber) (a simulant): your readings fit it as well as Amber. To confirm: magnification or a gem laboratory (elongated flattened bubbles (vs spherical in natural amber — most diagnostic under microscope)).
**Next test:** no standard test reliably separates Amber and Ambroid (Pressed Amber); colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Amber', 0.539), ('Ambroid (Pressed Amber) or Copal (Amber Simulant)', 0.312), ('Plastic', 0.077), ('Vulcanite (Jet Simulant)', 0.035), ('Quartz (Amethyst, Ametrine, Citrine, Quartz Beer, …)', 0.005)]
>>> USER: 'could it be copal?'
Copal (Amber Simulant): 15% (rank 3 of 192).
**Amber** (54%); next: Ambroid (Pressed Amber) or Copal (Amber Simulant) (31%)
_Using only SG 1.08._
**Caution:** possibly Ambroid (Pressed Amber) (a simulant): your readings fit it as well as Amber. To confirm: magnification or a gem laboratory (elongated flattened bubbles (vs spherical in natural amber — most diagnostic under microscope)).
**Next test:** no standard test reliably separates Amber and Ambroid (Pressed Amber); colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Amber', 0.539), ('Ambroid (Pressed Amber) or Copal (Amber Simulant)', 0.312), ('Plastic', 0.077), ('Vulcanite (Jet Simulant)', 0.035), ('Quartz (Amethyst, Ametrine, Citrine, Quartz Beer, …)', 0.005)]
>>> USER: 'how do I test for copal?'
Copal (Amber Simulant): 15% (rank 3 of 192).
**Amber** (54%); next: Ambroid (Pressed Amber) or Copal (Amber Simulant) (31%)
_Using only SG 1.08._
**Caution:** possibly Ambroid (Pressed Amber) (a simulant): your readings fit it as well as Amber. To confirm: magnification or a gem laboratory (elongated flattened bubbles (vs spherical in natural amber — most diagnostic under microscope)).
**Next test:** no standard test reliably separates Amber and Ambroid (Pressed Amber); colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Amber', 0.539), ('Ambroid (Pressed Amber) or Copal (Amber Simulant)', 0.312), ('Plastic', 0.077), ('Vulcanite (Jet Simulant)', 0.035), ('Quartz (Amethyst, Ametrine, Citrine, Quartz Beer, …)', 0.005)]
==================== CONV 16
>>> USER: 'what is it'  [photo ['Garnet Red', 'garnet red_4.jpg']]
garnet red_4.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.79 SR, SG 4.05'
**Garnet (Almandine)** (69%); next: Garnet Red (15%)
_Using only RI 1.790; SG 4.05; singly refractive._
**Next test:** no standard test reliably separates Almandine and Garnet Red; colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Garnet (Almandine)', 0.693), ('Garnet Red', 0.146), ('Zircon', 0.129), ('Spessartite', 0.03), ('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 0.001)]
>>> USER: 'which garnet?'
Almandine is one kind of Garnet: 87% together.
**Garnet (Almandine)** (69%); next: Garnet Red (15%)
_Using only RI 1.790; SG 4.05; singly refractive._
**Next test:** no standard test reliably separates Almandine and Garnet Red; colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Garnet (Almandine)', 0.693), ('Garnet Red', 0.146), ('Zircon', 0.129), ('Spessartite', 0.03), ('Corundum (Ruby, Sapphire Blue, Sapphire Pink, Sapphire Purple, …)', 0.001)]
==================== CONV 17
>>> USER: 'what is it'  [photo ['Zircon', 'zircon_3.jpg']]
zircon_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI over the limit, SG 4.70, strong doubling'
**Zircon** (98%); next: Sphene (1%)
_Using only RI above 1.790; SG 4.70; doubly refractive._
**Why:** SG 4.70 rules out Sphene (3.52–3.54); SG 4.70 rules out Rutile (4.23–4.26).
CANDS: [('Zircon', 0.98), ('Sphene', 0.007), ('Rutile (Synthetic Rutile)', 0.004), ('Moissanite', 0.002), ('Benitoite', 0.002)]
>>> USER: 'is it the same as cubic zirconia?'
Cubic Zirconia: <1% (rank 25 of 192).
**Zircon** (98%); next: Sphene (1%)
_Using only RI above 1.790; SG 4.70; doubly refractive._
**Why:** SG 4.70 rules out Sphene (3.52–3.54); SG 4.70 rules out Rutile (4.23–4.26).
CANDS: [('Zircon', 0.98), ('Sphene', 0.007), ('Rutile (Synthetic Rutile)', 0.004), ('Moissanite', 0.002), ('Benitoite', 0.002)]
==================== CONV 18
>>> USER: 'what is it'  [photo ['Topaz', 'topaz_4.jpg']]
**Topaz** (99%); next: Aquamarine (<1%)
CANDS: [('Topaz', 0.988), ('Aquamarine', 0.001), ('Sapphire Yellow', 0.0), ('Beryl Golden', 0.0), ('Bytownite', 0.0)]
>>> USER: 'RI 1.544-1.553, SG 2.65'
**I'm not sure.** My best guess is **Quartz Lemon** (13%), but it could also be Citrine (11%), Aventurine Yellow (10%).
_Using your photo and RI 1.544–1.553; birefringence 0.009; SG 2.65._
**Why:** RI 1.544–1.553 rules out Topaz (1.606–1.644); SG 2.65 rules out Topaz (3.50–3.57).
**Next test:** optic character with a polariscope: Quartz Lemon doubly refractive, uniaxial; Citrine doubly refractive, uniaxial; Aventurine Yellow aggregate (stays light); Quartz Rutilated doubly refractive, uniaxial.
_Note: I'm not sure because the photo looks most like Topaz (>99%), but RI 1.544–1.553 rules out Topaz (1.606–1.644); SG 2.65 rules out Topaz (3.50–3.57). The readings point to Quartz Lemon instead: check the photo and the readings._
CANDS: [('Quartz Lemon', 0.131), ('Citrine', 0.11), ('Aventurine Yellow', 0.104), ('Quartz Rutilated', 0.102), ('Quartz Beer', 0.08)]
>>> USER: 'why not topaz?'
Topaz: <1% (rank 23 of 192).
**I'm not sure.** My best guess is **Quartz Lemon** (13%), but it could also be Citrine (11%), Aventurine Yellow (10%).
_Using your photo and RI 1.544–1.553; birefringence 0.009; SG 2.65._
**Why:** RI 1.544–1.553 rules out Topaz (1.606–1.644); SG 2.65 rules out Topaz (3.50–3.57).
**Next test:** optic character with a polariscope: Quartz Lemon doubly refractive, uniaxial; Citrine doubly refractive, uniaxial; Aventurine Yellow aggregate (stays light); Quartz Rutilated doubly refractive, uniaxial.
_Note: I'm not sure because the photo looks most like Topaz (>99%), but RI 1.544–1.553 rules out Topaz (1.606–1.644); SG 2.65 rules out Topaz (3.50–3.57). The readings point to Quartz Lemon instead: check the photo and the readings._
CANDS: [('Quartz Lemon', 0.131), ('Citrine', 0.11), ('Aventurine Yellow', 0.104), ('Quartz Rutilated', 0.102), ('Quartz Beer', 0.08)]
==================== CONV 19
>>> USER: 'what is it'  [photo ['Citrine', 'citrine_3.jpg']]
citrine_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'is it heated amethyst?'
**Amethyst**: Treatments of amethyst: heat treatment (to citrine); irradiation; coating.
==================== CONV 20
>>> USER: 'what is it'  [photo ['Alexandrite', 'alexandrite_3.jpg']]
alexandrite_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.746-1.755, SG 3.73, red under incandescent, green in daylight'
**Chrysoberyl (Alexandrite, Synthetic Alexandrite, Cats Eye, Flux-Grown Alexandrite, …)** (98%); next: Staurolite (2%)
_Using only red and green colour; RI 1.746–1.755; birefringence 0.009; SG 3.73._
**Caution:** possibly Synthetic Alexandrite (lab-grown): your readings fit it as well as Alexandrite. To confirm: magnification or a gem laboratory (curved striae).
CANDS: [('Chrysoberyl (Alexandrite, Synthetic Alexandrite, Cats Eye, Flux-Grown Alexandrite, …)', 0.977), ('Staurolite', 0.016), ('Rhodonite', 0.005), ('Garnet (Colour-Change Garnet)', 0.001), ('Pyrope', 0.001)]
>>> USER: 'is it synthetic?'
Possibly Synthetic Alexandrite (lab-grown): your readings fit it as well as Alexandrite. To confirm: magnification or a gem laboratory (curved striae).
**Chrysoberyl (Alexandrite, Synthetic Alexandrite, Cats Eye, Flux-Grown Alexandrite, …)** (98%); next: Staurolite (2%)
_Using only red and green colour; RI 1.746–1.755; birefringence 0.009; SG 3.73._
CANDS: [('Chrysoberyl (Alexandrite, Synthetic Alexandrite, Cats Eye, Flux-Grown Alexandrite, …)', 0.977), ('Staurolite', 0.016), ('Rhodonite', 0.005), ('Garnet (Colour-Change Garnet)', 0.001), ('Pyrope', 0.001)]
==================== CONV 21
>>> USER: 'what is it'  [photo ['Moonstone', 'moonstone_3.jpg']]
moonstone_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.52-1.53, SG 2.57'
**Amazonite or Moonstone** (69%); next: Orthoclase (Sanidine) (23%)
_Using only RI 1.520–1.530; birefringence 0.010; SG 2.57._
**Next test:** no standard test reliably separates Amazonite and Orthoclase; colour, inclusions under magnification or a laboratory report decide.
_Note: Amazonite or Moonstone: they share every constant these readings measure, so only the colour (tell me, e.g. "green" or "white") or a photo tells them apart._
CANDS: [('Amazonite or Moonstone', 0.686), ('Orthoclase (Sanidine)', 0.23), ('Chalcedony (Bloodstone, Blue Lace Agate, Carnelian, Chalcedony Blue, …)', 0.052), ('Iolite', 0.025), ('Jasper', 0.002)]
>>> USER: 'what causes the sheen?'
**Amazonite or Moonstone** (69%); next: Orthoclase (Sanidine) (23%)
_Using only RI 1.520–1.530; birefringence 0.010; SG 2.57._
**Next test:** no standard test reliably separates Amazonite and Orthoclase; colour, inclusions under magnification or a laboratory report decide.
_Note: Amazonite or Moonstone: they share every constant these readings measure, so only the colour (tell me, e.g. "green" or "white") or a photo tells them apart._
CANDS: [('Amazonite or Moonstone', 0.686), ('Orthoclase (Sanidine)', 0.23), ('Chalcedony (Bloodstone, Blue Lace Agate, Carnelian, Chalcedony Blue, …)', 0.052), ('Iolite', 0.025), ('Jasper', 0.002)]
==================== CONV 22
>>> USER: 'what is it'  [photo ['Kyanite', 'kyanite_3.jpg']]
kyanite_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.716-1.731, SG 3.65'
**Kyanite** (84%); next: Rhodonite (14%)
_Using only RI 1.716–1.731; birefringence 0.015; SG 3.65._
**Next test:** optic sign with a refractometer (which shadow edge moves): Kyanite negative; Rhodonite positive.
CANDS: [('Kyanite', 0.84), ('Rhodonite', 0.143), ('Musgravite', 0.013), ('Taaffeite', 0.002), ('Synthetic Spinel (Verneuil)', 0.001)]
>>> USER: 'hardness?'
**Kyanite** (84%); next: Rhodonite (14%)
_Using only RI 1.716–1.731; birefringence 0.015; SG 3.65._
**Next test:** optic sign with a refractometer (which shadow edge moves): Kyanite negative; Rhodonite positive.
CANDS: [('Kyanite', 0.84), ('Rhodonite', 0.143), ('Musgravite', 0.013), ('Taaffeite', 0.002), ('Synthetic Spinel (Verneuil)', 0.001)]
==================== CONV 23
>>> USER: 'what is it'  [photo ['Tourmaline', 'tourmaline_3.jpg']]
tourmaline_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'RI 1.624-1.644, SG 3.06'
**Tourmaline (Elbaite)** (62%); next: Actinolite (17%)
_Using only RI 1.624–1.644; birefringence 0.020; SG 3.06._
**Next test:** optic character with a polariscope: Tourmaline doubly refractive, uniaxial; Actinolite doubly refractive, biaxial; Jade aggregate (stays light).
CANDS: [('Tourmaline (Elbaite)', 0.615), ('Actinolite', 0.173), ('Jade (Nephrite)', 0.16), ('Lab-Grown Paraíba Tourmaline', 0.025), ('Dravite', 0.012)]
>>> USER: 'why?'
Tourmaline (Elbaite) fits what you told me best (62%); next comes Actinolite (17%).
**Tourmaline (Elbaite)** (62%); next: Actinolite (17%)
_Using only RI 1.624–1.644; birefringence 0.020; SG 3.06._
**Next test:** optic character with a polariscope: Tourmaline doubly refractive, uniaxial; Actinolite doubly refractive, biaxial; Jade aggregate (stays light).
CANDS: [('Tourmaline (Elbaite)', 0.615), ('Actinolite', 0.173), ('Jade (Nephrite)', 0.16), ('Lab-Grown Paraíba Tourmaline', 0.025), ('Dravite', 0.012)]
==================== CONV 24
>>> USER: 'what is it'  [photo ['Lapis Lazuli', 'lapis lazuli_3.jpg']]
lapis lazuli_3.jpg: no such file. Check the path. Please upload a photo of the stone.
>>> USER: 'SG 2.45, RI 1.50, acetone swab blue'
**I'm not sure.** My best guess is **Obsidian** (40%), but it could also be Slocum Stone (25%), Lazurite (10%).
_Using only RI 1.500; SG 2.45._
**Caution:** possibly glass (Obsidian, Glass (Paste)): your readings fit it better than Lazurite. To confirm: magnification or a gem laboratory (conchoidal fracture (primary)).
**Next test:** no standard test reliably separates Obsidian and Slocum Stone; colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Obsidian', 0.396), ('Slocum Stone', 0.245), ('Lazurite', 0.101), ('Hauyne', 0.093), ('Glass (Paste)', 0.058)]
>>> USER: 'is it real lapis?'
Lapis Lazuli: <1% (rank 11 of 192).
**I'm not sure.** My best guess is **Obsidian** (40%), but it could also be Slocum Stone (25%), Lazurite (10%).
_Using only RI 1.500; SG 2.45._
**Caution:** possibly glass (Obsidian, Glass (Paste)): your readings fit it better than Lazurite. To confirm: magnification or a gem laboratory (conchoidal fracture (primary)).
**Next test:** no standard test reliably separates Obsidian and Slocum Stone; colour, inclusions under magnification or a laboratory report decide.
CANDS: [('Obsidian', 0.396), ('Slocum Stone', 0.245), ('Lazurite', 0.101), ('Hauyne', 0.093), ('Glass (Paste)', 0.058)]
